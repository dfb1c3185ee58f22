package org.policyadvisor.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.policyadvisor.advice.ProgramStatus;
import org.policyadvisor.catalogue.Status;

/**
 * The baseline for the engine benchmark: the 14 programs of policy-catalogue.md §3 hand-written in plain Java,
 * with the same three-valued output as {@code Advisor.decide} (criterion statuses, program status, missing
 * fields). It is the speed limit of the job without a rule engine, and exists only in the benchmark sources:
 * policy never lives in Java in the product.
 */
final class HandWrittenAdvisor {

    record Verdict(String program, ProgramStatus status, List<Status> criteria, List<String> missing) {}

    /** A condition on one field: unknown while the field is unanswered. */
    private record Condition(String field, Predicate<Object> holds) {}

    private record Criterion(String id, boolean any, List<Condition> conditions) {}

    private record Program(String id, LocalDate from, List<Criterion> criteria) {}

    private static final LocalDate TALENT = LocalDate.of(2021, 1, 1);
    private static final LocalDate CEREMONY = LocalDate.of(2022, 6, 14);

    private static Condition is(String field, Object... values) {
        List<Object> allowed = List.of(values);
        return new Condition(field, allowed::contains);
    }

    private static Criterion all(String id, Condition... conditions) {
        return new Criterion(id, false, List.of(conditions));
    }

    private static Criterion any(String id, Condition... conditions) {
        return new Criterion(id, true, List.of(conditions));
    }

    private static final Criterion PERSON = all("for-persons", is("applicantType", "PERSON"));
    private static final Criterion ORGANIZATION = all("for-organizations", is("applicantType", "ORGANIZATION"));
    private static final Criterion HK = all("hk-resident", is("residency", "HK"));
    private static final Criterion HK_OR_MO = all("hk-or-macau-resident", is("residency", "HK", "MO"));
    private static final Criterion TALENT_A1 = any("professional-talent",
            is("highestEducation", "BACHELOR", "MASTER", "DOCTORATE"), is("professionalQualification", true));
    private static final Criterion WORKS_IN_LUOHU = all("works-in-luohu",
            is("employmentStatus", "EMPLOYED", "SELF_EMPLOYED"), is("workDistrict", "LUOHU"));
    private static final Criterion YOUTH = all("youth", new Condition("age", age -> (Integer) age >= 18 && (Integer) age <= 35));
    private static final Criterion ENTERPRISE = all("enterprise", is("orgType", "ENTERPRISE"));
    private static final Criterion CATERING = all("catering", is("sector", "CATERING"));
    private static final Criterion IN_LUOHU = all("in-luohu", is("inLuohu", true));

    static final List<Program> PROGRAMS = List.of(
            new Program("talent-living-subsidy", TALENT, List.of(PERSON, HK_OR_MO, TALENT_A1, WORKS_IN_LUOHU,
                    all("not-received-before", is("livingSubsidyReceived", false)))),
            new Program("talent-family-support", TALENT, List.of(PERSON, HK_OR_MO, TALENT_A1, WORKS_IN_LUOHU)),
            new Program("elite-talent-perks", TALENT, List.of(PERSON, all("certified-elite-talent", is("eliteTalentCertified", true)))),
            new Program("gba-workplace-mentor", CEREMONY, List.of(PERSON, HK,
                    all("mainland-work-experience", is("mainlandWorkExperience", true)))),
            new Program("gba-mentee", CEREMONY, List.of(PERSON, HK, YOUTH, all("seeks-gba-career", is("seeksGbaCareer", true)))),
            new Program("hk-group-service-center", CEREMONY, List.of(ORGANIZATION,
                    all("hk-group-or-member", is("orgType", "HK_GROUP", "ENTERPRISE")),
                    all("stationed-group", new Condition("hkGroup", g -> !g.equals("OTHER") && !g.equals("NONE"))))),
            new Program("hk-residents-guide", CEREMONY, List.of(PERSON, HK)),
            new Program("youth-innovation-base", TALENT, List.of(PERSON, HK_OR_MO, YOUTH,
                    any("entrepreneur", is("employmentStatus", "SELF_EMPLOYED"), is("plansToStartBusiness", true)))),
            new Program("community-hk-service", CEREMONY, List.of(PERSON, HK, all("lives-in-luohu", is("livesInLuohu", true)),
                    all("pilot-community", is("community", "YUCUN", "LUOHU", "WENHUA", "LIANTANG")))),
            new Program("hk-children-schooling", CEREMONY, List.of(PERSON, HK, all("school-age-children", is("hasSchoolAgeChildren", true)))),
            new Program("cross-border-medical", CEREMONY, List.of(PERSON, HK)),
            new Program("digital-rmb-cross-border-payment", CEREMONY, List.of(PERSON, HK)),
            new Program("catering-business-measures", CEREMONY, List.of(ORGANIZATION, ENTERPRISE, CATERING, IN_LUOHU)),
            new Program("hk-enterprise-guide", CEREMONY, List.of(ORGANIZATION, ENTERPRISE,
                    all("hk-funded", is("hkFunded", true)), CATERING, IN_LUOHU)));

    private HandWrittenAdvisor() {}

    static List<Verdict> decide(Map<String, Object> answers, LocalDate asOf) {
        List<Verdict> verdicts = new ArrayList<>(PROGRAMS.size());
        for (Program program : PROGRAMS) {
            List<Status> statuses = new ArrayList<>(program.criteria().size() + 1);
            Set<String> missing = new LinkedHashSet<>();
            ProgramStatus verdict = ProgramStatus.ELIGIBLE;
            for (Criterion criterion : program.criteria()) {
                Status status = criterion.any() ? Status.NOT_MET : Status.MET;
                for (Condition condition : criterion.conditions()) {
                    Object value = answers.get(condition.field());
                    Status part = value == null ? Status.UNKNOWN : Status.of(condition.holds().test(value));
                    status = criterion.any() ? status.or(part) : status.and(part);
                }
                if (status == Status.UNKNOWN) {
                    for (Condition condition : criterion.conditions()) {
                        if (answers.get(condition.field()) == null) missing.add(condition.field());
                    }
                }
                statuses.add(status);
                verdict = worse(verdict, status);
            }
            Status inEffect = Status.of(!asOf.isBefore(program.from()));
            statuses.add(inEffect);
            verdict = worse(verdict, inEffect);
            // R6: only a NEEDS_INFO program lists what is missing.
            verdicts.add(new Verdict(program.id(), verdict, statuses, verdict == ProgramStatus.NEEDS_INFO ? List.copyOf(missing) : List.of()));
        }
        return verdicts;
    }

    private static ProgramStatus worse(ProgramStatus verdict, Status status) {
        if (status == Status.NOT_MET) return ProgramStatus.NOT_ELIGIBLE;
        if (status == Status.UNKNOWN && verdict == ProgramStatus.ELIGIBLE) return ProgramStatus.NEEDS_INFO;
        return verdict;
    }
}
