package org.policyadvisor.ruleset;

import java.util.Set;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.consequence.Consequence;
import org.drools.base.base.ValueResolver;
import org.drools.base.rule.consequence.ConsequenceContext;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A criterion rule decides by firing; its consequence is empty. Drools' MVEL dialect still builds a variable factory
 * for an empty consequence at every firing (about 600 bytes, once the largest cost of a decision), so after the
 * build each such rule gets a consequence that does nothing, before any session exists.
 */
final class EmptyConsequences {

    private static final Consequence<ConsequenceContext> NOTHING = new Consequence<>() {
        @Override
        public String getName() {
            return RuleImpl.DEFAULT_CONSEQUENCE_NAME;
        }

        @Override
        public void evaluate(ConsequenceContext context, ValueResolver resolver) {}
    };

    private EmptyConsequences() {}

    /** @param computing the rules whose consequence does something (the language check found them) */
    static void skip(KieBase kieBase, Set<String> computing) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!computing.contains(rule.getName()) && rule instanceof RuleImpl impl) impl.setConsequence(NOTHING);
            }
        }
    }
}
