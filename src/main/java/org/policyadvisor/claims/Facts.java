package org.policyadvisor.claims;

import org.kie.api.definition.type.FactType;

/** Making and filling facts of the types a schedule declares, for the binder and the engine alike. */
final class Facts {

    private Facts() {}

    static Object newFact(FactType type) {
        try {
            return type.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets a field the schedule may leave out (e.g. an index or date it does not declare). */
    static void set(FactType type, Object fact, String field, Object value) {
        if (type.getField(field) != null) type.set(fact, field, value);
    }
}
