package io.planwright.core.model;

/** Date constraints, with Microsoft Project's abbreviations. */
public enum ConstraintType {
    /** As soon as possible (the default). */
    ASAP(false),
    /** As late as possible. */
    ALAP(false),
    /** Start no earlier than. */
    SNET(true),
    /** Start no later than. */
    SNLT(true),
    /** Finish no earlier than. */
    FNET(true),
    /** Finish no later than. */
    FNLT(true),
    /** Must start on. */
    MSO(true),
    /** Must finish on. */
    MFO(true);

    private final boolean needsDate;

    ConstraintType(boolean needsDate) {
        this.needsDate = needsDate;
    }

    public boolean needsDate() {
        return needsDate;
    }

    /** True for constraints on the start (SNET, SNLT, MSO), false for those on the finish. */
    public boolean constrainsStart() {
        return this == SNET || this == SNLT || this == MSO;
    }

    public String describe() {
        return switch (this) {
            case ASAP -> "as soon as possible";
            case ALAP -> "as late as possible";
            case SNET -> "start no earlier than";
            case SNLT -> "start no later than";
            case FNET -> "finish no earlier than";
            case FNLT -> "finish no later than";
            case MSO -> "must start on";
            case MFO -> "must finish on";
        };
    }
}
