package io.planwright.server.system;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.model.Plan;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.plan.PlanFiles;
import io.planwright.formats.plan.PlanFormat;
import io.planwright.server.accounts.Account;
import io.planwright.server.accounts.Accounts;
import io.planwright.server.communication.CommunicationService;
import io.planwright.server.plans.PlanService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * On the first start: an administrator (password from PLANWRIGHT_ADMIN_PASSWORD, or generated and
 * printed once), and the ERP roll-out example as a demo plan, so that there is something to look at.
 */
@Component
public class FirstStart implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    private final Accounts accounts;
    private final PlanService plans;
    private final io.planwright.server.plans.FeedbackRecords feedback;
    private final boolean demo;
    private final CommunicationService communication;
    private final io.planwright.server.changes.ChangeService changes;
    private final String adminPassword;

    public FirstStart(Accounts accounts, PlanService plans, io.planwright.server.plans.FeedbackRecords feedback, CommunicationService communication,
                      io.planwright.server.changes.ChangeService changes,
                      @Value("${planwright.demo:true}") boolean demo, @Value("${PLANWRIGHT_ADMIN_PASSWORD:}") String adminPassword) {
        this.accounts = accounts;
        this.plans = plans;
        this.feedback = feedback;
        this.communication = communication;
        this.changes = changes;
        this.demo = demo;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (accounts.countUsers() > 0) {
            return;
        }
        String password = adminPassword;
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = newPassword();
        }
        Account admin = accounts.create("admin", password, true).orElse(null);
        if (admin == null) {
            return; // another process made it first
        }
        if (generated) {
            // printed once, to the console of the first start; it is not stored anywhere in clear
            System.out.println();
            System.out.println("Planwright: created the administrator 'admin' with the password " + password);
            System.out.println("Planwright: set PLANWRIGHT_ADMIN_PASSWORD before the first start to choose it; change it with PUT /api/v1/me/password");
            System.out.println();
        } else {
            LOG.info("created the administrator 'admin' with the password from PLANWRIGHT_ADMIN_PASSWORD");
        }
        if (demo && plans.plansOf(admin.id(), true).isEmpty()) {
            try (InputStream in = new ClassPathResource("demo/erp-rollout.plan.yaml").getInputStream()) {
                ReadResult read = PlanFiles.parse("erp-rollout.plan.yaml", in.readAllBytes(), PlanFormat.YAML);
                Plan plan = read.plan();
                if (plan != null) {
                    long id = demoHistory(plan, admin);
                    LOG.info("added the demo plan '{}' (id {})", plan.name(), id);
                    demoContributor(id, admin);
                    demoStakeholder(id, admin);
                    demoOutbox(id);
                    demoChangeRequest(id, admin);
                }
            }
        }
    }

    /** The status dates the demo plan's history passes through before its own: progress as the schedule had it then. */
    static final java.util.List<java.time.LocalDateTime> DEMO_EARLIER_STATUS = java.util.List.of(
            java.time.LocalDateTime.of(2026, 2, 28, 0, 0), java.time.LocalDateTime.of(2026, 3, 7, 0, 0));

    /**
     * The demo plan with a history of progress reports, so that its trends have points: created before work
     * began, updated as of two earlier Fridays (work done as scheduled), then as reported in the example.
     */
    private long demoHistory(Plan plan, Account admin) {
        Plan fresh = io.planwright.core.track.ProgressUpdate.cleared(plan);
        long id = plans.create(fresh, admin.id(), "demo plan");
        for (java.time.LocalDateTime date : DEMO_EARLIER_STATUS) {
            if (plan.statusDate() == null || !date.isBefore(plan.statusDate())) {
                continue;
            }
            var state = plans.current(id);
            var r = io.planwright.core.track.ProgressUpdate.asOf(state.plan(), plans.schedule(state), date,
                    io.planwright.core.track.ProgressUpdate.Rule.SHARE_ELAPSED);
            plans.edit(id, state.revision(), admin.id(), "update progress as of " + date.toLocalDate().minusDays(1), p -> r.plan());
        }
        var state = plans.current(id);
        plans.edit(id, state.revision(), admin.id(), "progress as reported by the team", p -> plan);
        return id;
    }

    /**
     * The demo's weekly status sent once on the first start, so that the Communication page shows an outbox: without
     * a mail server its e-mails stay there as "not sent: no mail server", each downloadable as .eml.
     */
    private void demoOutbox(long planId) {
        try {
            int n = communication.sendNow(planId, "weekly-status").size();
            LOG.info("composed the demo plan's weekly status ({} messages in its outbox)", n);
        } catch (RuntimeException e) {
            LOG.warn("the demo plan's weekly status could not be composed", e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The demo plan's team member: who reports progress on it, with the task they are busy with this week. */
    static final String DEMO_CONTRIBUTOR = "miriam";

    /**
     * A contributor of the demo plan, linked to its resource Miriam Scholz (HR and payroll), with one
     * update on her workshops waiting for the owner's decision, so that a newcomer sees both sides of
     * team updates. Her password is generated and printed once; an administrator can set another.
     */
    private void demoContributor(long planId, Account admin) {
        String password = newPassword();
        Account miriam = accounts.create(DEMO_CONTRIBUTOR, password, false).orElse(null);
        if (miriam == null) {
            return;
        }
        long revision = plans.current(planId).revision();
        plans.changeMember(planId, revision, admin.id(), DEMO_CONTRIBUTOR, miriam.id(), "contributor", "miriam");
        plans.submitUpdate(planId, "hr-workshops", "miriam", miriam.id(), "40h", "12h", 75.0,
                "Two of the three payroll workshops are done; the last one moved to Tuesday, as the works council asked.");
        System.out.println("Planwright: the demo plan's contributor '" + DEMO_CONTRIBUTOR + "' (linked to the resource Miriam Scholz) has the password "
                + password + "; her update on the HR workshops waits on the plan's Updates page");
        LOG.info("added the demo contributor '{}' with an update waiting", DEMO_CONTRIBUTOR);
    }

    /**
     * Change control in the demo: a scenario that extends the hypercare support by two weeks, and a change
     * request from it waiting for the change board (the administrator and the sponsor's member), with its impact.
     */
    private void demoChangeRequest(long planId, Account admin) {
        try {
            long scenario = plans.branch(planId, "Hypercare two weeks longer", admin.id());
            var state = plans.current(scenario);
            plans.edit(scenario, state.revision(), admin.id(), "hypercare support 8 weeks instead of 6", p -> p.toBuilder()
                    .tasks(p.tasks().stream().map(t -> t.id().equals("hc-desk") ? t.toBuilder().duration("8w").build() : t).toList()).build());
            java.util.List<String> board = plans.members(planId).stream().filter(m -> m.role().equals("owner") || m.role().equals("stakeholder"))
                    .map(io.planwright.server.plans.PlanStore.Member::username).toList();
            changes.submit(planId, new io.planwright.server.changes.ChangeService.Submit("Extend hypercare by two weeks",
                    "The payroll go-live moved into the hypercare window; the works council asks for floor walkers until the January payroll run.",
                    scenario, "faster-close", board, board.size(), true), "admin");
            LOG.info("added the demo's scenario and a change request waiting for the board");
        } catch (RuntimeException e) {
            LOG.warn("could not add the demo's change request", e);
        }
    }

    /** The demo plan's stakeholder member: the sponsor, who approves the blueprint. */
    static final String DEMO_STAKEHOLDER = "claudia";

    /**
     * Feedback and sign-off in the demo: answers of the steering committee over the last weeks (so that
     * the stakeholder page shows a trend), the blueprint's approval asked of its Accountable, the CFO, and
     * a stakeholder member linked to her, whose password is generated and printed once.
     */
    private void demoStakeholder(long planId, Account admin) {
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        Object[][] answers = {{"cfo", 35, 3, "The blueprint is late; the gap list is long."}, {"ceo", 34, 3, null},
                {"cfo", 21, 4, "The gap board works."}, {"coo", 20, 2, "Warehouse cut-over worries me."}, {"cfo", 7, 4, null},
                {"coo", 6, 3, "Better since the dry run was planned."}};
        for (Object[] a : answers) {
            feedback.answer(planId, "demo-" + java.util.UUID.randomUUID(), (String) a[0], "steerco-report", (Integer) a[2], (String) a[3], "[]",
                    now.minusDays((Integer) a[1]));
        }
        feedback.requestApproval(planId, "deliverable", "blueprint", "cfo", admin.id(), now.minusDays(1));
        String password = newPassword();
        Account claudia = accounts.create(DEMO_STAKEHOLDER, password, false).orElse(null);
        if (claudia == null) {
            return;
        }
        plans.changeMember(planId, plans.current(planId).revision(), admin.id(), DEMO_STAKEHOLDER, claudia.id(), "stakeholder", null);
        feedback.linkStakeholder(planId, claudia.id(), "cfo");
        feedback.notify(claudia.id(), planId, "approval", "Your approval is asked: Signed-off solution blueprint", "/plans/" + planId + "/sign-off",
                "approval:demo", now);
        System.out.println("Planwright: the demo plan's stakeholder '" + DEMO_STAKEHOLDER + "' (the CFO, Claudia Roth-Berger) has the password "
                + password + "; the blueprint's approval waits for her on the Sign-off page");
    }
}
