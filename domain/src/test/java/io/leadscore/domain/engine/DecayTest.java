package io.leadscore.domain.engine;

import static io.leadscore.domain.fixtures.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.rule.Decay;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every decay, through the engine (Semantics 2 and "Decay"). */
class DecayTest {

  private static LeadScore.Contribution at(Decay decay, double points, Duration age) {
    ScoringModel model = engagementModel(withDecay(onEvery("r", points, "email.clicked"), decay));
    var events = List.of(event("k", "email.clicked", Duration.ZERO));
    return ScoringEngine.score(model, Contact.EMPTY, events, T0.plus(age)).breakdown().getFirst();
  }

  @Test
  void no_decay_keeps_full_points_forever() {
    assertThat(at(new Decay.None(), 100, days(3650)).points()).isEqualTo(100);
  }

  @Test
  void half_life_halves_the_points_every_half_life_continuously() {
    var halfLife = new Decay.HalfLife(Duration.ofDays(30));
    assertThat(at(halfLife, 10, Duration.ZERO).points()).isEqualTo(10);
    assertThat(at(halfLife, 10, days(30)).points()).isEqualTo(5);
    assertThat(at(halfLife, 10, days(60)).points()).isEqualTo(2.5);
    assertThat(at(halfLife, 10, days(15)).points()).isEqualTo(10 * Math.pow(0.5, 0.5));
  }

  @Test
  void half_life_uses_seconds_including_fractions() {
    var halfLife = new Decay.HalfLife(Duration.ofHours(12));
    Duration age = Duration.ofHours(6).plusMillis(500);
    assertThat(at(halfLife, 8, age).points()).isEqualTo(8 * Math.pow(0.5, 21_600.5 / 43_200));
  }

  @Test
  void per_day_loses_points_per_whole_elapsed_day() {
    var perDay = new Decay.PerDay(2);
    assertThat(at(perDay, 10, days(0.99)).points()).isEqualTo(10);
    assertThat(at(perDay, 10, days(1)).points()).isEqualTo(8);
    assertThat(at(perDay, 10, days(2.9)).points()).isEqualTo(6);
  }

  @Test
  void per_day_stops_at_zero_and_never_goes_past_it() {
    assertThat(at(new Decay.PerDay(2), 10, days(5)).points()).isZero();
    assertThat(at(new Decay.PerDay(2), 10, days(400)).points()).isZero();
  }

  @Test
  void per_day_moves_negative_points_toward_zero_too() {
    assertThat(at(new Decay.PerDay(2), -50, days(3)).points()).isEqualTo(-44);
    assertThat(at(new Decay.PerDay(2), -50, days(30)).points()).isZero();
  }

  @Test
  void per_day_of_zero_is_no_decay() {
    assertThat(at(new Decay.PerDay(0), 7, days(100)).points()).isEqualTo(7);
  }

  @Test
  void after_gives_full_points_while_younger_than_d_and_zero_from_d() {
    var expires = new Decay.Expires(Duration.ofDays(7));
    assertThat(at(expires, 25, days(7).minusNanos(1)).points()).isEqualTo(25);
    assertThat(at(expires, 25, days(7)).points()).isZero();
  }

  @Test
  void a_rule_whose_awards_decayed_to_zero_still_shows_in_the_breakdown() {
    var contribution = at(new Decay.Expires(Duration.ofDays(7)), 25, days(30));
    assertThat(contribution.rule()).isEqualTo("r");
    assertThat(contribution.awards()).isEqualTo(1);
    assertThat(contribution.points()).isZero();
  }

  @Test
  void decays_reject_non_positive_durations_and_negative_rates() {
    assertThatThrownBy(() -> new Decay.HalfLife(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Decay.Expires(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Decay.PerDay(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
