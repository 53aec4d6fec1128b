package io.leadscore.domain.engine;

import java.time.Instant;

/**
 * The last {@code capacity} instants added, in order: a ring buffer that grows up to its capacity.
 * "At least k events in (t - W, t]" holds exactly when the oldest of the last k lies in the window,
 * so count triggers and per-window limits need only this, however long the history. Not
 * thread-safe.
 */
final class RecentTimes {
  private final int capacity;
  private Instant[] ring;
  private int start;
  private int size;

  RecentTimes(int capacity) {
    this.capacity = capacity;
    this.ring = new Instant[Math.min(capacity, 8)]; // the ring never grows past the capacity
  }

  void add(Instant at) {
    // no % on this path: an integer division costs more than the rest of the method
    if (size == capacity) {
      ring[start] = at;
      start = start + 1 == ring.length ? 0 : start + 1;
      return;
    }
    if (size == ring.length) {
      grow();
    }
    int slot = start + size;
    ring[slot < ring.length ? slot : slot - ring.length] = at;
    size++;
  }

  /** Whether {@code capacity} instants have been added. */
  boolean full() {
    return size == capacity;
  }

  /** The oldest of the instants kept; only when {@link #full()} or non-empty. */
  Instant oldest() {
    return ring[start];
  }

  private void grow() {
    var bigger = new Instant[(int) Math.min(capacity, ring.length * 2L)];
    for (int i = 0; i < size; i++) {
      bigger[i] = ring[(start + i) % ring.length];
    }
    ring = bigger;
    start = 0;
  }
}
