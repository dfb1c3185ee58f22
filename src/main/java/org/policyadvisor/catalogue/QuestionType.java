package org.policyadvisor.catalogue;

import com.fasterxml.jackson.annotation.JsonValue;

public enum QuestionType {
    ENUM("enum"),
    INTEGER("integer"),
    BOOLEAN("boolean"),
    TEXT("string");

    private final String name;

    QuestionType(String name) {
        this.name = name;
    }

    @JsonValue
    public String jsonName() {
        return name;
    }
}
