package org.policyadvisor.advice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Program;

/**
 * Each program's criteria, looked up once per ruleset and numbered, so that deciding a profile needs no lookups
 * by name and evaluates a criterion shared by several programs only once.
 */
final class DecisionPlan {

    /** Per program (catalogue order), its criteria in order. */
    final Criterion[][] criteria;
    /** The same, as numbers into a per-decision array of outcomes; -1 for program-in-effect, which is per program. */
    final int[][] numbers;
    final int distinctCriteria;

    DecisionPlan(Catalogue catalogue) {
        List<Program> programs = catalogue.programs();
        Map<String, Integer> numbering = new HashMap<>();
        criteria = new Criterion[programs.size()][];
        numbers = new int[programs.size()][];
        for (int p = 0; p < programs.size(); p++) {
            List<String> ids = programs.get(p).criteria();
            criteria[p] = new Criterion[ids.size()];
            numbers[p] = new int[ids.size()];
            for (int c = 0; c < ids.size(); c++) {
                String id = ids.get(c);
                criteria[p][c] = catalogue.criterion(id);
                numbers[p][c] = id.equals(Criterion.PROGRAM_IN_EFFECT) ? -1 : numbering.computeIfAbsent(id, k -> numbering.size());
            }
        }
        distinctCriteria = numbering.size();
    }
}
