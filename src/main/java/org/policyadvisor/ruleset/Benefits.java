package org.policyadvisor.ruleset;

import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Text;
import org.policyadvisor.catalogue.Unit;

/**
 * A program's benefits as its YAML gives them. A benefit may take its numbers from a claim schedule's rate
 * ({@code from: CareerGuidanceRate}): amount, unit, cap and periods are then the rate's declared values and the
 * currency the schedule's, so that a number is written once.
 */
final class Benefits {

    private final KieBase kieBase;
    /** Null when the rules declare no units: any unit is then taken as written. */
    private final Map<String, Unit> units;

    Benefits(KieBase kieBase, Map<String, Unit> units) {
        this.kieBase = kieBase;
        this.units = units;
    }

    /** As written in a program's YAML; {@code from} names a declared rate instead of giving the numbers. */
    record BenefitText(Program.Benefit.Kind kind, Long amount, String currency, String frequency, Integer periods, Long cap,
                       Boolean maximum, String from, Text description) {}

    /** The benefit, or null after reporting what is wrong with it. */
    Program.Benefit resolve(BenefitText text, String where, Problems problems) {
        if (text.kind() == null || text.description() == null) {
            problems.add(where + " needs `kind:` and `description:`");
            return null;
        }
        if (text.from() == null) {
            if (text.frequency() != null && units != null && !units.containsKey(text.frequency())) {
                problems.add(where + " has frequency " + text.frequency() + ", which is not one of the units in units.yaml " + units.keySet());
                return null;
            }
            if (text.kind() == Program.Benefit.Kind.CASH && text.amount() != null && text.currency() == null) {
                problems.add(where + " gives an amount, so it needs `currency:`");
                return null;
            }
            return new Program.Benefit(text.kind(), text.amount(), text.currency(), text.frequency(), text.periods(), text.cap(),
                    Boolean.TRUE.equals(text.maximum()), text.description());
        }
        if (text.amount() != null || text.currency() != null || text.frequency() != null || text.periods() != null || text.cap() != null) {
            problems.add(where + " takes its numbers from " + text.from() + "; give no amount, currency, frequency, periods or cap beside it");
            return null;
        }
        FactType rate = type(text.from(), "rateOf");
        if (rate == null) {
            problems.add(where + " names " + text.from() + ", which is not a declared type with @rateOf(\"…\")");
            return null;
        }
        String schedule = Metadata.string(rate.getMetaData().get("rateOf"));
        FactType scheduleType = Metadata.typesWith(kieBase, "claimSchedule").stream()
                .filter(t -> schedule != null && schedule.equals(Metadata.string(t.getMetaData().get("claimSchedule")))).findFirst().orElse(null);
        String unit = Metadata.string(rate.getMetaData().get("unit"));
        if (scheduleType == null || unit == null || (units != null && !units.containsKey(unit)) || rate.getField("amount") == null) {
            problems.add(where + ": " + text.from() + " needs @rateOf naming a claim schedule, @unit(…) from units.yaml"
                    + " and `amount : long = …`");
            return null;
        }
        Object defaults = defaults(rate);
        return new Program.Benefit(text.kind(), number(rate, defaults, "amount"), Metadata.string(scheduleType.getMetaData().get("currency")), unit,
                integer(rate, defaults, "periods"), number(rate, defaults, "cap"), Boolean.TRUE.equals(text.maximum()), text.description());
    }

    interface Problems {
        void add(String message);
    }

    private FactType type(String name, String metaKey) {
        return Metadata.typesWith(kieBase, metaKey).stream().filter(t -> t.getSimpleName().equals(name)).findFirst().orElse(null);
    }

    private static Object defaults(FactType type) {
        try {
            return type.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long number(FactType type, Object defaults, String field) {
        FactField declared = type.getField(field);
        return declared == null || !(type.get(defaults, field) instanceof Number n) ? null : n.longValue();
    }

    private static Integer integer(FactType type, Object defaults, String field) {
        Long value = number(type, defaults, field);
        return value == null ? null : value.intValue();
    }
}
