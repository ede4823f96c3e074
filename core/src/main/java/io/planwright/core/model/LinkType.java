package io.planwright.core.model;

/** The four dependency types of precedence diagramming. */
public enum LinkType {
    /** Finish-to-start: the successor starts after the predecessor finishes. */
    FS,
    /** Start-to-start: the successor starts after the predecessor starts. */
    SS,
    /** Finish-to-finish: the successor finishes after the predecessor finishes. */
    FF,
    /** Start-to-finish: the successor finishes after the predecessor starts. */
    SF
}
