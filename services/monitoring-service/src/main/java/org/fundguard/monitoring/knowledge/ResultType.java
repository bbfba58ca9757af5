package org.fundguard.monitoring.knowledge;

/** What a rule's hit means in law: a definite violation (政策限定类) or a suspect to review (合理使用类 and others). */
public enum ResultType {
    DEFINITE("明确违规"),
    SUSPECT("可疑");

    private final String label;

    ResultType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
