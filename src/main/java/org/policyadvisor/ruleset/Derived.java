package org.policyadvisor.ruleset;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values computed once from a ruleset and kept for as long as it serves: indexes, session pools, texts per
 * language. Each user keys its value by its own class, so this package needs to know nothing about them.
 */
public final class Derived {

    private static final Logger LOG = LoggerFactory.getLogger(Derived.class);

    private final ConcurrentHashMap<Class<?>, Object> values = new ConcurrentHashMap<>();

    <T> T get(Class<T> kind, Supplier<? extends T> make) {
        Object value = values.get(kind);
        if (value == null) {
            // Not computeIfAbsent: a value may itself ask for another derived value while it is being made.
            T made = make.get();
            value = values.putIfAbsent(kind, made);
            if (value == null) return made;
            close(made);
        }
        return kind.cast(value);
    }

    /** Closes every value that holds resources, such as a session pool. */
    void close() {
        values.values().forEach(Derived::close);
        values.clear();
    }

    private static void close(Object value) {
        if (value instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("could not close a value derived from a released ruleset", e);
            }
        }
    }
}
