package io.planwright.server.plans;

import io.planwright.formats.plan.ReadResult;
import io.planwright.server.shared.NotFound;
import io.planwright.server.shared.PlanProblems;
import io.planwright.server.shared.StaleRevision;
import io.planwright.server.shared.FileProblems;
import io.planwright.server.shared.EntryExists;
import io.planwright.server.shared.FieldProblem;
import io.planwright.server.shared.Revisions;
import io.planwright.core.check.Problem;
import io.planwright.core.model.Plan;
import io.planwright.formats.FileFormat;
import io.planwright.formats.PlanIO;
import io.planwright.formats.exchange.Loss;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.plan.PlanFiles;
import io.planwright.formats.plan.PlanFormat;
import io.planwright.server.accounts.Account;
import io.planwright.server.accounts.Accounts;
import io.planwright.server.plans.PlanAccess.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans: listing, creating, importing and exporting them in every format Planwright reads and writes,
 * their settings, the computed schedule, the critical path, the problems, the history and the plan as
 * it was at any revision, and who may work on it.
 */
@RestController
@RequestMapping("/api/v1/plans")
public class PlanController {

    private final PlanService plans;
    private final PlanStore store;
    private final PlanAccess access;
    private final Accounts accounts;
    private final FeedbackRecords feedback;

    public PlanController(PlanService plans, PlanStore store, PlanAccess access, Accounts accounts, FeedbackRecords feedback) {
        this.plans = plans;
        this.store = store;
        this.access = access;
        this.accounts = accounts;
        this.feedback = feedback;
    }

    /** A plan as the API shows it: its settings and how big it is. */
    public record PlanView(long id, long revision, String role, PlanSettings settings, Map<String, Integer> counts) {
    }

    /** What an import made: the plan, and what the file held that could not be carried over. */
    public record ImportResult(long id, long revision, String name, int tasks, List<String> warnings) {
    }

    /** A problem of the plan: its severity, its code, where in the plan (a path such as tasks/build/after/0), and what. */
    public record ProblemView(String severity, String code, String path, String message) {
        static ProblemView of(Problem p) {
            return new ProblemView(p.severity().text(), p.code(), p.path(), p.message());
        }
    }

    @GetMapping
    public List<PlanStore.Summary> list() {
        Account me = access.account();
        return store.plansOf(me.id(), me.admin());
    }

    @PostMapping
    public ResponseEntity<PlanView> create(@RequestBody PlanSettings settings) {
        Account me = access.account();
        if (settings.name() == null || settings.name().isBlank()) {
            throw new IllegalArgumentException("a plan needs a name");
        }
        checkName(settings.name());
        Plan plan = settings.applyTo(Plan.builder(settings.name())).build();
        long id = plans.create(plan, me.id(), "create plan");
        return view(id, Role.OWNER, HttpStatus.CREATED);
    }

    /**
     * A new plan from a file of any format Planwright reads (plan file, MS Project, Primavera, Planner,
     * GanttProject, task list, PSPLIB); the format comes from the file name.
     */
    @PostMapping(path = "/import", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<ImportResult> importFile(@RequestParam String filename, @RequestBody byte[] body) throws IOException {
        Account me = access.account();
        ReadResult read = readUpload(filename, body);
        Plan plan = read.plan();
        long id = plans.create(plan, me.id(), "import " + filename);
        List<String> warnings = read.problems().stream().filter(p -> !p.isError()).map(p -> p.problem().message()).toList();
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id)).eTag(Revisions.etag(1))
                .body(new ImportResult(id, 1, plan.name(), plan.tasks().size(), warnings));
    }

    private static ReadResult readUpload(String filename, byte[] body) throws IOException {
        String name = Path.of(filename).getFileName().toString();
        if (FileFormat.of(Path.of(name)).filter(FileFormat::readable).isEmpty()) {
            throw new IllegalArgumentException("cannot tell the format of '" + name + "' from its name; Planwright reads " + FileFormat.extensions(true));
        }
        Path dir = Files.createTempDirectory("planwright-import");
        // file systems take names of at most 255 bytes: a long name is kept by its end, which tells the format
        String stored = name.length() <= 120 ? name : "upload-" + name.substring(name.length() - 100);
        Path file = dir.resolve(stored);
        try {
            Files.write(file, body);
            ReadResult read = PlanIO.readAndCheck(file);
            List<LocatedProblem> errors = read.problems().stream().filter(LocatedProblem::isError).toList();
            if (read.plan() == null || !errors.isEmpty()) {
                throw new FileProblems(name, errors.isEmpty() ? read.problems() : errors, dir.resolve(stored).toString(), name);
            }
            return read;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    @GetMapping("/{planId}")
    public ResponseEntity<PlanView> read(@PathVariable long planId) {
        Role role = access.require(planId, Role.VIEWER);
        return view(planId, role, HttpStatus.OK);
    }

    private ResponseEntity<PlanView> view(long planId, Role role, HttpStatus status) {
        PlanState state = plans.current(planId);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Section<?> s : Section.ALL) {
            counts.put(s.path(), s.list().apply(state.plan()).size());
        }
        PlanView body = new PlanView(planId, state.revision(), role.text(), PlanSettings.of(state.plan()), counts);
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).eTag(Revisions.etag(state.revision()));
        if (status == HttpStatus.CREATED) {
            b.location(URI.create("/api/v1/plans/" + planId));
        }
        return b.body(body);
    }

    @PutMapping("/{planId}/settings")
    public ResponseEntity<PlanSettings> settings(@PathVariable long planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestBody PlanSettings settings) {
        access.require(planId, Role.EDITOR);
        long base = Revisions.ifMatch(ifMatch);
        if (settings.name() == null || settings.name().isBlank()) {
            throw new IllegalArgumentException("a plan needs a name");
        }
        checkName(settings.name());
        try {
            PlanState state = plans.edit(planId, base, access.account().id(), "change settings", plan -> settings.applyTo(plan.toBuilder()).build());
            return ResponseEntity.ok().eTag(Revisions.etag(state.revision())).body(PlanSettings.of(state.plan()));
        } catch (StaleRevision e) {
            PlanState now = plans.current(planId);
            throw new Revisions.Conflict(now.revision(), PlanSettings.of(now.plan()));
        }
    }

    /** The longest plan name (a title, not a description). */
    static final int MAX_NAME = 200;

    private static void checkName(String name) {
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a plan's name has at most " + MAX_NAME + " characters, not " + name.length()
                    + "; put the rest in its description");
        }
    }

    /** Deletes the plan and its history: like every change, at the revision the owner last saw (If-Match). */
    @DeleteMapping("/{planId}")
    public ResponseEntity<Void> delete(@PathVariable long planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        access.require(planId, Role.OWNER);
        long base = Revisions.ifMatch(ifMatch);
        try {
            store.delete(planId, base);
        } catch (StaleRevision e) {
            throw new Revisions.Conflict(e.current(), null);
        }
        plans.forget(planId);
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------ the plan file

    /** The whole plan as a plan file, YAML (default) or JSON. */
    @GetMapping("/{planId}/document")
    public ResponseEntity<String> document(@PathVariable long planId, @RequestParam(defaultValue = "yaml") String format) {
        access.require(planId, Role.VIEWER);
        PlanState state = plans.current(planId);
        return planFile(state, format);
    }

    private static ResponseEntity<String> planFile(PlanState state, String format) {
        PlanFormat f = planFormat(format);
        return ResponseEntity.ok().eTag(Revisions.etag(state.revision()))
                .contentType(f == PlanFormat.JSON ? MediaType.APPLICATION_JSON : MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                .body(PlanFiles.write(state.plan(), f));
    }

    private static PlanFormat planFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "yaml", "yml" -> PlanFormat.YAML;
            case "json" -> PlanFormat.JSON;
            default -> throw new IllegalArgumentException("format must be yaml or json");
        };
    }

    /** Replaces the whole plan with a plan file (YAML or JSON); only what differs is written. */
    @PutMapping(path = "/{planId}/document", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<PlanView> replaceDocument(@PathVariable long planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @RequestParam(defaultValue = "yaml") String format, @RequestBody byte[] body) {
        Role role = access.require(planId, Role.EDITOR);
        long base = Revisions.ifMatch(ifMatch);
        PlanFormat f = planFormat(format);
        ReadResult read = PlanFiles.check(PlanFiles.parse("plan." + f.name().toLowerCase(Locale.ROOT), body, f));
        List<LocatedProblem> errors = read.problems().stream().filter(LocatedProblem::isError).toList();
        if (read.plan() == null || !errors.isEmpty()) {
            throw new FileProblems("plan", errors.isEmpty() ? read.problems() : errors, "", "");
        }
        try {
            plans.edit(planId, base, access.account().id(), "replace plan", plan -> read.plan());
        } catch (StaleRevision e) {
            PlanState now = plans.current(planId);
            throw new Revisions.Conflict(now.revision(), null);
        }
        return view(planId, role, HttpStatus.OK);
    }

    /** The plan in another tool's format: MS Project XML, Primavera XER or P6 XML, a task table (CSV, Excel), iCalendar. */
    @GetMapping("/{planId}/export")
    public ResponseEntity<byte[]> export(@PathVariable long planId, @RequestParam String format) throws IOException {
        access.require(planId, Role.VIEWER);
        PlanState state = plans.current(planId);
        String ext = format.startsWith(".") ? format : "." + format;
        FileFormat f = FileFormat.of(Path.of("plan" + ext)).filter(FileFormat::writable)
                .orElseThrow(() -> new IllegalArgumentException("format must be one of " + FileFormat.extensions(false)));
        PlanIO.Encoded encoded;
        try {
            encoded = PlanIO.encode(state.plan(), f, Instant.now());
        } catch (PlanIO.ExportException e) {
            throw new PlanProblems(List.of(Problem.error("export", "plan", e.getMessage())));
        }
        String filename = state.plan().name().replaceAll("[^\\p{L}\\p{N}._ -]+", "_") + ext;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build());
        headers.set("Planwright-Losses", Integer.toString(encoded.losses().size()));
        return ResponseEntity.ok().headers(headers).eTag(Revisions.etag(state.revision())).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(encoded.bytes());
    }

    /** What an export to a format would not carry, task by task. */
    @GetMapping("/{planId}/export/losses")
    public List<String> exportLosses(@PathVariable long planId, @RequestParam String format) throws IOException {
        access.require(planId, Role.VIEWER);
        PlanState state = plans.current(planId);
        String ext = format.startsWith(".") ? format : "." + format;
        FileFormat f = FileFormat.of(Path.of("plan" + ext)).filter(FileFormat::writable)
                .orElseThrow(() -> new IllegalArgumentException("format must be one of " + FileFormat.extensions(false)));
        try {
            return PlanIO.encode(state.plan(), f, Instant.now()).losses().stream().map(Loss::describe).toList();
        } catch (PlanIO.ExportException e) {
            throw new PlanProblems(List.of(Problem.error("export", "plan", e.getMessage())));
        }
    }

    // ------------------------------------------------------------------ schedule, critical path, problems

    @GetMapping("/{planId}/problems")
    public ResponseEntity<List<ProblemView>> problems(@PathVariable long planId) {
        access.require(planId, Role.VIEWER);
        PlanState state = plans.current(planId);
        return ResponseEntity.ok().eTag(Revisions.etag(state.revision())).body(plans.problems(state).stream().map(ProblemView::of).toList());
    }

    // ------------------------------------------------------------------ history

    @GetMapping("/{planId}/history")
    public List<PlanStore.Revision> history(@PathVariable long planId, @RequestParam(defaultValue = "50") int limit,
                                            @RequestParam(defaultValue = "false") boolean items) {
        access.require(planId, Role.VIEWER);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return store.history(planId, limit, items);
    }

    /** The plan as it was at a revision, as a plan file. */
    @GetMapping("/{planId}/revisions/{revision}")
    public ResponseEntity<String> atRevision(@PathVariable long planId, @PathVariable long revision,
                                             @RequestParam(defaultValue = "yaml") String format) {
        access.require(planId, Role.VIEWER);
        PlanState state = store.at(planId, revision).orElseThrow(() -> new NotFound("revision " + revision + " of plan " + planId));
        return planFile(state, format);
    }

    // ------------------------------------------------------------------ members

    /**
     * A member's role (owner, editor, contributor, viewer or stakeholder), the resource of the plan they are linked to (none when absent)
     * and, for a stakeholder member, the stakeholder of the plan they are (their feedback and approvals).
     */
    public record RoleChange(String role, String resourceId, String stakeholderId) {
    }

    @GetMapping("/{planId}/members")
    public List<PlanStore.Member> members(@PathVariable long planId) {
        access.require(planId, Role.VIEWER);
        return store.members(planId);
    }

    /**
     * Gives a user a role in the plan, linked to one of its resources or not (a contributor reports
     * progress on that resource's work): a change of the plan like any other (If-Match, a revision, a
     * line in the history). The body says the whole membership: a link not named is taken away.
     */
    @PutMapping("/{planId}/members/{username}")
    public ResponseEntity<PlanStore.Member> setMember(@PathVariable long planId, @PathVariable String username,
                                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                      @RequestBody RoleChange change) {
        access.require(planId, Role.OWNER);
        long base = Revisions.ifMatch(ifMatch);
        Role role;
        try {
            role = Role.of(change.role() == null ? "" : change.role());
        } catch (IllegalArgumentException e) {
            throw new FieldProblem("role", "role must be owner, editor, contributor, viewer or stakeholder");
        }
        String stakeholderId = change.stakeholderId() == null || change.stakeholderId().isBlank() ? null : change.stakeholderId();
        if (stakeholderId != null && role != Role.STAKEHOLDER) {
            throw new FieldProblem("stakeholderId", "only a member with the role stakeholder is linked to a stakeholder");
        }
        if (stakeholderId != null && plans.current(planId).plan().stakeholders().stream().noneMatch(s -> s.id().equals(stakeholderId))) {
            throw new FieldProblem("stakeholderId", "the plan has no stakeholder '" + stakeholderId + "': link the member to one of the plan's stakeholders, by its id");
        }
        String resourceId = change.resourceId() == null || change.resourceId().isBlank() ? null : change.resourceId();
        if (resourceId != null && plans.current(planId).plan().resources().stream().noneMatch(r -> r.id().equals(resourceId))) {
            throw new FieldProblem("resourceId", "the plan has no resource '" + resourceId + "': link the member to one of the plan's resources, by its id");
        }
        Account user = accounts.find(username).orElseThrow(() -> new NotFound("user '" + username + "'"));
        if (role != Role.OWNER && "owner".equals(store.role(planId, user.id()).orElse(null)) && store.countOwners(planId) <= 1) {
            throw new EntryExists("a plan keeps at least one owner");
        }
        long revision = changeMember(planId, base, username, user.id(), role.text(), resourceId);
        feedback.linkStakeholder(planId, user.id(), stakeholderId);
        return Revisions.after(ResponseEntity.ok(), base, revision).body(new PlanStore.Member(username, role.text(), resourceId));
    }

    @DeleteMapping("/{planId}/members/{username}")
    public ResponseEntity<Void> removeMember(@PathVariable long planId, @PathVariable String username,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        access.require(planId, Role.OWNER);
        long base = Revisions.ifMatch(ifMatch);
        Account user = accounts.find(username).orElseThrow(() -> new NotFound("user '" + username + "'"));
        if ("owner".equals(store.role(planId, user.id()).orElse(null)) && store.countOwners(planId) <= 1) {
            throw new EntryExists("a plan keeps at least one owner");
        }
        if (store.role(planId, user.id()).isEmpty()) {
            throw new NotFound("member '" + username + "'");
        }
        long revision = changeMember(planId, base, username, user.id(), null, null);
        return Revisions.after(ResponseEntity.status(HttpStatus.NO_CONTENT), base, revision).build();
    }

    private long changeMember(long planId, long base, String username, long memberId, String role, String resourceId) {
        try {
            return store.changeMember(planId, base, access.account().id(), username, memberId, role, resourceId);
        } catch (StaleRevision e) {
            throw new Revisions.Conflict(e.current(), store.role(planId, memberId)
                    .map(r -> new PlanStore.Member(username, r, store.resourceOf(planId, memberId).orElse(null))).orElse(null));
        }
    }
}
