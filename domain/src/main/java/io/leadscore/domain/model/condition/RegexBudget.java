package io.leadscore.domain.model.condition;

/**
 * The regex work one evaluation of one contact may do (model-language.md, "Limits"). Model
 * validation bounds each regex and each text, but not how many matches one contact needs (rules
 * times events), so the engine counts work here, without any clock so that scores stay exact:
 * before each regex match it charges the regex's program size ({@link RegexSize}) times one more
 * than the length of the text it sees. A match that would overrun the budget is not run and counts
 * as no match, and so does every match after it in the same evaluation.
 *
 * <p>Mutable and not thread-safe: create one per evaluation and never share it.
 */
public final class RegexBudget {
  /**
   * The units one evaluation may spend. About 0.1 s of RE2/J's slowest matching on a developer
   * machine; a normal model on normal data spends a small fraction of it.
   */
  public static final long UNITS = 10_000_000;

  private final long limit;
  private long charged;
  private boolean spent;

  /** A budget of {@link #UNITS}. */
  public RegexBudget() {
    this(UNITS);
  }

  /** A budget of {@code limit} units (tests). */
  public RegexBudget(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit: must not be negative");
    }
    this.limit = limit;
  }

  /**
   * Charges {@code units} when they fit in what is left and answers true; otherwise charges
   * nothing, marks the budget spent and answers false, now and for every later call.
   */
  public boolean charge(long units) {
    if (spent || units > limit - charged) {
      spent = true;
      return false;
    }
    charged += units;
    return true;
  }

  /** The units charged so far (the work the matches run did, in units). */
  public long charged() {
    return charged;
  }

  /** Whether a match has been refused: every later match counts as no match. */
  public boolean spent() {
    return spent;
  }
}
