package org.policyadvisor.reload;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.ruleset.Ruleset;

/**
 * Which programs a change removes (a folder deleted) and adds, by id: news for policy staff, never a reason to
 * refuse. The validate report and {@code check --against} both word them from this.
 */
public record ProgramChanges(List<String> removed, List<String> added) {

    /** @param before the program ids published now, in their order; {@code after} those of the change */
    public static ProgramChanges between(Collection<String> before, Collection<String> after) {
        return new ProgramChanges(before.stream().filter(id -> !after.contains(id)).toList(),
                after.stream().filter(id -> !before.contains(id)).toList());
    }

    /** A ruleset's programs in catalogue order, by id, with their English names (the command line speaks English). */
    public static Map<String, String> names(Ruleset ruleset) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Program program : ruleset.catalogue().programs()) names.put(program.id(), program.name().in(Lang.EN));
        return names;
    }
}
