package org.policyadvisor.ruleset;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;

/**
 * What the rule files declare, for every rule of every file to use.
 *
 * @param types  every declared type: its fields and their types, in order
 * @param values per {@code Type.field}, the values its {@code @values} allows
 */
record Declared(Map<String, Map<String, String>> types, Map<String, List<String>> values) {

    /** The first declaration of each type counts; a second one is reported where it is written. */
    static Declared of(Collection<PackageDescr> packages) {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (PackageDescr pkg : packages) {
            for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
                if (types.containsKey(type.getTypeName())) continue;
                Map<String, String> fields = new LinkedHashMap<>();
                for (TypeFieldDescr field : type.getFields().values()) {
                    fields.put(field.getFieldName(), field.getPattern().getObjectType());
                    AnnotationDescr allowed = field.getAnnotation("values");
                    if (allowed != null && allowed.getSingleValue() != null) {
                        values.put(type.getTypeName() + "." + field.getFieldName(), Metadata.list(allowed.getSingleValue()));
                    }
                }
                types.put(type.getTypeName(), fields);
            }
        }
        return new Declared(types, values);
    }
}
