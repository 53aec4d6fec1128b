package io.leadscore.domain.model.condition;

/**
 * Recognises the plain decimal literals that read as numbers (scoring-model.md, "Numbers and
 * text"): {@code [+-]?(d+(.d*)?|.d+)([eE][+-]?d+)?}, with no blanks, NaN, Infinity or hex.
 * Hand-written rather than a regex because it runs on hot paths of the engine.
 */
final class DecimalLiteral {
  private DecimalLiteral() {}

  static double parseOrNaN(String text) {
    return isDecimal(text) ? Double.parseDouble(text) : Double.NaN;
  }

  static boolean isDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits == 0 && fracDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
