package io.planwright.core.model;

/** Responsible, Accountable, Consulted, Informed. */
public enum RaciRole {
    R("responsible"),
    A("accountable"),
    C("consulted"),
    I("informed");

    private final String word;

    RaciRole(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static RaciRole fromText(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (RaciRole role : values()) {
            if (role.name().equalsIgnoreCase(t) || role.word.equalsIgnoreCase(t)) {
                return role;
            }
        }
        return null;
    }
}
