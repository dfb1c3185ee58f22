package org.policyadvisor.ruleset;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.builder.InternalKieBuilder;
import org.policyadvisor.catalogue.Catalogue;

/**
 * Compiles rule files into a {@link Ruleset}, entirely to the side: each candidate gets its own ReleaseId and
 * shares nothing with the one serving.
 */
public final class RulesetCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final Clock clock;

    public RulesetCompiler(Clock clock) {
        this.clock = clock;
    }

    /** The language check, then Drools' build, then the catalogue; any problem refuses the whole candidate. */
    public Ruleset compile(List<RuleFile> files) {
        LanguageCheck.Result language = LanguageCheck.check(files);
        if (!language.problems().isEmpty()) throw new RulesetRejected(language.problems());
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId("org.policyadvisor.rules", "ruleset", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem fileSystem = kie.newKieFileSystem();
        fileSystem.generateAndWritePomXML(releaseId);
        files.stream().filter(RuleFile::isDrl).forEach(file -> fileSystem.write(RESOURCES + file.path(), file.content()));

        List<RuleProblem> errors = ((InternalKieBuilder) kie.newKieBuilder(fileSystem)).withKModuleModel(module(kie)).buildAll().getResults()
                .getMessages(Message.Level.ERROR).stream()
                .map(RulesetCompiler::problem)
                .toList();
        if (!errors.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new RulesetRejected(errors);
        }
        KieContainer container = kie.newKieContainer(releaseId);
        try {
            KieBase kieBase = container.getKieBase();
            EmptyConsequences.skip(kieBase, language.computing());
            FactType applicantType = CatalogueReader.applicantType(kieBase, files);
            Catalogue catalogue = new CatalogueReader(files, kieBase, applicantType, language).read();
            return new Ruleset(version(files), clock.instant(), files, catalogue, kieBase, applicantType, container, releaseId);
        } catch (RuntimeException | Error e) {
            container.dispose();
            kie.getRepository().removeKieModule(releaseId);
            throw e;
        }
    }

    /**
     * Consequences are read as MVEL, the language Drools reads constraints in, so {@code $claim.amount} means the
     * same in both; a rule file cannot choose (the language check refuses {@code dialect}).
     */
    private static KieModuleModel module(KieServices kie) {
        KieModuleModel module = kie.newKieModuleModel();
        module.setConfigurationProperty("drools.dialect.default", "mvel");
        module.newKieBaseModel("rules").setDefault(true).newKieSessionModel("session").setDefault(true);
        return module;
    }

    /** {@code sha256:} over every file's path and content, so equal files always give an equal version. */
    public static String version(List<RuleFile> files) {
        StringBuilder manifest = new StringBuilder();
        for (RuleFile file : files) {
            manifest.append(file.path()).append('\0').append(file.sha256()).append('\n');
        }
        return "sha256:" + HexFormat.of().formatHex(RuleFile.sha256(manifest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static RuleProblem problem(Message message) {
        String path = message.getPath();
        if (path != null && path.startsWith(RESOURCES)) path = path.substring(RESOURCES.length());
        return DroolsMessages.inStaffWords(path, message.getLine(), message.getColumn(), message.getText());
    }
}
