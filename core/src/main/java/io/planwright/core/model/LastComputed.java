package io.planwright.core.model;

import java.lang.ref.SoftReference;
import java.util.function.Function;

/**
 * The last value computed from an immutable input, kept for the same input object: checking a plan and
 * scheduling it ask for the same structures one after the other. One entry, by identity, softly held:
 * it never serves another input and never keeps memory the JVM needs. Safe to share between threads.
 */
public final class LastComputed<K, V> {

    private record Entry<K, V>(K key, V value) {
    }

    private final Function<K, V> compute;
    private volatile SoftReference<Entry<K, V>> last;

    public LastComputed(Function<K, V> compute) {
        this.compute = compute;
    }

    public V get(K key) {
        SoftReference<Entry<K, V>> ref = last;
        Entry<K, V> known = ref == null ? null : ref.get();
        if (known != null && known.key() == key) {
            return known.value();
        }
        V value = compute.apply(key);
        last = new SoftReference<>(new Entry<>(key, value));
        return value;
    }
}
