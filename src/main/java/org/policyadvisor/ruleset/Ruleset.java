package org.policyadvisor.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
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
 * @param derived what users compute once from this ruleset (see {@link #derived})
 */
public record Ruleset(
        String version,
        Instant builtAt,
        List<RuleFile> files,
        Catalogue catalogue,
        KieBase kieBase,
        FactType applicantType,
        KieContainer container,
        ReleaseId releaseId,
        Derived derived) {

    public Ruleset(String version, Instant builtAt, List<RuleFile> files, Catalogue catalogue, KieBase kieBase,
                   FactType applicantType, KieContainer container, ReleaseId releaseId) {
        this(version, builtAt, files, catalogue, kieBase, applicantType, container, releaseId, new Derived());
    }

    /** The value of {@code kind} derived from this ruleset, made by {@code make} on first use and then kept. */
    public <T> T derived(Class<T> kind, Function<Ruleset, ? extends T> make) {
        return derived.get(kind, () -> make.apply(this));
    }

    /** Frees the compiled module once no request can use this ruleset any more. */
    public void release() {
        derived.close();
        container.dispose();
        KieServices.get().getRepository().removeKieModule(releaseId);
    }
}
