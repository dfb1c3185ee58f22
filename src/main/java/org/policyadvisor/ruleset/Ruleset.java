package org.policyadvisor.ruleset;

import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieContainer;
import org.policyadvisor.catalogue.Catalogue;

/**
 * An immutable, compiled ruleset. A request reads the active one once and answers entirely from it.
 *
 * @param version {@code sha256:} over the files' paths and contents
 */
public record Ruleset(
        String version,
        Instant builtAt,
        List<RuleFile> files,
        Catalogue catalogue,
        KieBase kieBase,
        FactType applicantType,
        KieContainer container,
        ReleaseId releaseId) {

    /** Frees the compiled module once no request can use this ruleset any more. */
    public void release() {
        container.dispose();
        KieServices.get().getRepository().removeKieModule(releaseId);
    }
}
