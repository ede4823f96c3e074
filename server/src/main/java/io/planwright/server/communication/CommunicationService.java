package io.planwright.server.communication;

import io.planwright.core.check.PlanChecker;
import io.planwright.core.communication.Audience;
import io.planwright.core.communication.Cadence;
import io.planwright.core.communication.Occurrences;
import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.formats.ical.ICalendarWriter;
import io.planwright.server.communication.Outbox.Message;
import io.planwright.server.communication.Outbox.Status;
import io.planwright.server.communication.ReportComposer.Composed;
import io.planwright.server.communication.ReportComposer.Recipient;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.plans.PlanStore;
import io.planwright.server.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The communication plan at work: which items are due (by their cadence, in the plan's time zone), their
 * messages composed into the outbox once per period, and the outbox sent with retries and exponential
 * backoff. Also what people do with it: pause, resume, send now, preview, the .eml of a message, the
 * plan's calendar feed and its secrets, and each user's inbox.
 */
@Service
public class CommunicationService {

    private static final Logger LOG = LoggerFactory.getLogger(CommunicationService.class);

    /** The channels a message goes out on. */
    public enum Channel {
        EMAIL, WEBHOOK, INBOX;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An item's state on the Communication page: its cadence (or why it has none), next send, pause and last message. */
    public record ItemState(String itemId, String schedule, String cadenceError, ZonedDateTime nextSendAt, boolean paused,
                            Message last, List<Channel> channels) {
    }

    /** What an item would send now, without sending it. */
    public record Preview(String subject, String html, List<String> recipients, List<String> unreached, List<Channel> channels,
                          String attachmentName, ZonedDateTime nextSendAt) {
    }

    private final PlanService plans;
    private final Outbox outbox;
    private final ReportComposer composer;
    private final Delivery delivery;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration retryBase;
    private final SecureRandom random = new SecureRandom();

    public CommunicationService(PlanService plans, Outbox outbox, ReportComposer composer, Delivery delivery, Clock clock,
                                @Value("${planwright.communication.max-attempts:5}") int maxAttempts,
                                @Value("${planwright.communication.retry-base:PT1M}") Duration retryBase) {
        this.plans = plans;
        this.outbox = outbox;
        this.composer = composer;
        this.delivery = delivery;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.retryBase = retryBase;
    }

    private LocalDateTime nowUtc() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static ZoneId zone(Plan plan) {
        return plan.timeZone() != null ? plan.timeZone() : ZoneId.systemDefault();
    }

    /** The channels of an item: e-mail, its webhook, the inbox; a meeting or other channel without a webhook reaches the inbox. */
    public static List<Channel> channels(CommunicationItem c) {
        List<Channel> out = new ArrayList<>();
        String ch = c.channel() == null ? "" : c.channel().trim().toLowerCase(Locale.ROOT);
        if (PlanChecker.isEmail(ch)) {
            out.add(Channel.EMAIL);
        }
        if (c.webhook() != null) {
            out.add(Channel.WEBHOOK);
        }
        if (ch.equals("inbox") || ch.equals("in-app") || out.isEmpty()) {
            out.add(Channel.INBOX);
        }
        return out;
    }

    private static Optional<Cadence> cadence(CommunicationItem c) {
        if (c.schedule() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Cadence.parse(c.schedule()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ composing what is due

    /** Composes every item due now into the outbox; the number of messages written. */
    public int composeDue() {
        int written = 0;
        for (long planId : outbox.planIds()) {
            try {
                written += composeDue(planId);
            } catch (NotFound e) {
                // deleted meanwhile
            } catch (RuntimeException e) {
                LOG.warn("the communication plan of plan {} could not be composed", planId, e);
            }
        }
        return written;
    }

    private int composeDue(long planId) {
        PlanState state = plans.current(planId);
        Plan plan = state.plan();
        if (plan.communications().stream().noneMatch(c -> c.schedule() != null)) {
            return 0;
        }
        PlanSchedule schedule = plans.schedule(state);
        List<LocalDateTime> milestones = Occurrences.milestoneFinishes(schedule);
        ZoneId zone = zone(plan);
        LocalDateTime nowUtc = nowUtc();
        ZonedDateTime now = clock.instant().atZone(zone);
        int written = 0;
        for (CommunicationItem item : plan.communications()) {
            Optional<Cadence> cadence = cadence(item);
            if (cadence.isEmpty()) {
                continue;
            }
            Outbox.ScheduleState st = outbox.schedule(planId, item.id(), cadence.get().text(), nowUtc);
            if (st.paused()) {
                continue;
            }
            if (cadence.get() instanceof Cadence.OnEvents on) {
                for (Occurrences.Occurrence o : Occurrences.of(schedule, now.toLocalDateTime(), on.events())) {
                    String key = "event:" + o.key();
                    if (!outbox.hasPeriod(planId, item.id(), key)) {
                        CommunicationItem told = new CommunicationItem(item.id(), item.name(), o.sentence(), item.audience(), item.channel(),
                                item.frequency(), item.owner(), item.content(), item.schedule(), item.webhook(), item.sections(), item.questions());
                        written += write(planId, state, told, key, now.toLocalDateTime());
                    }
                }
                continue;
            }
            ZonedDateTime since = st.since().atZone(ZoneOffset.UTC).withZoneSameInstant(zone);
            ZonedDateTime from = since.isBefore(now.minusDays(400)) ? now.minusDays(400) : since;
            ZonedDateTime last = null;
            for (Optional<ZonedDateTime> f = cadence.get().next(from, milestones); f.isPresent() && !f.get().isAfter(now);
                 f = cadence.get().next(f.get(), milestones)) {
                last = f.get();
            }
            if (last != null) {
                String key = last.toLocalDateTime().toString();
                if (!outbox.hasPeriod(planId, item.id(), key)) {
                    written += write(planId, state, item, key, last.toLocalDateTime());
                }
            }
        }
        return written;
    }

    /** Composes an item's messages of one period, one per recipient and channel; the number written (0 when another process was first). */
    private int write(long planId, PlanState state, CommunicationItem item, String periodKey, LocalDateTime asOf) {
        Plan plan = state.plan();
        int n = 0;
        for (Channel ch : channels(item)) {
            if (ch == Channel.EMAIL) {
                Set<String> allowed = Audience.planAddresses(plan);
                for (Audience.Addressee a : Audience.resolve(plan, item).reached()) {
                    if (!allowed.contains(a.address().toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    Composed c = composer.compose(planId, state, item, asOf, new Recipient(a.name(), a.address()));
                    n += add(planId, item, periodKey, ch, a.address(), c, delivery.hasMailServer() ? Status.PENDING : Status.NOT_SENT_NO_MAIL_SERVER);
                }
            } else {
                Composed c = composer.compose(planId, state, item, asOf, Recipient.everyone());
                n += add(planId, item, periodKey, ch, ch == Channel.WEBHOOK ? item.webhook() : "plan members", c, Status.PENDING);
            }
        }
        return n;
    }

    private int add(long planId, CommunicationItem item, String periodKey, Channel ch, String recipient, Composed c, Status status) {
        ReportComposer.Attachment pdf = ch == Channel.EMAIL ? c.pdf().orElse(null) : null;
        return outbox.add(new Outbox.NewMessage(planId, item.id(), periodKey, ch.text(), recipient, c.subject(), c.html(),
                pdf == null ? null : pdf.bytes(), pdf == null ? null : pdf.fileName(), status), nowUtc()) ? 1 : 0;
    }

    // ------------------------------------------------------------------ sending

    /** Sends what the outbox holds that is due; messages a stopped process was sending are reported, not sent again. */
    public void sendDue() {
        LocalDateTime now = nowUtc();
        outbox.interrupted(now.minusMinutes(10));
        boolean mail = delivery.hasMailServer();
        for (Message m : outbox.due(now, mail, 100)) {
            deliver(m);
        }
    }

    /** One attempt at one message, if no one else took it. */
    private void deliver(Message m) {
        LocalDateTime now = nowUtc();
        if (!outbox.claim(m.id(), m.status(), now)) {
            return;
        }
        int attempt = m.attempts() + 1;
        try {
            PlanState state = plans.current(m.planId());
            Plan plan = state.plan();
            Channel ch = Channel.valueOf(m.channel().toUpperCase(Locale.ROOT));
            switch (ch) {
                case EMAIL -> {
                    if (!Audience.planAddresses(plan).contains(m.recipients().toLowerCase(Locale.ROOT))) {
                        outbox.failed(m.id(), "not sent: " + m.recipients() + " is no longer one of the plan's stakeholders or members");
                        return;
                    }
                    if (!delivery.hasMailServer()) {
                        outbox.keep(m.id(), Status.NOT_SENT_NO_MAIL_SERVER, "no mail server is configured (SPRING_MAIL_HOST)");
                        return;
                    }
                    delivery.email(m);
                }
                case WEBHOOK -> {
                    boolean current = plan.communications().stream().anyMatch(c -> c.id().equals(m.itemId()) && m.recipients().equals(c.webhook()));
                    if (!current) {
                        outbox.failed(m.id(), "not sent: the item no longer posts to " + m.recipients());
                        return;
                    }
                    delivery.webhook(m.recipients(), delivery.webhookBody(m, plan.name()), secrets(m.planId()).webhookSecret());
                }
                case INBOX -> {
                    for (PlanStore.Member member : plans.members(m.planId())) {
                        outbox.deliver(member.username(), m.planId(), m.id(), m.subject(), m.bodyHtml(), now);
                    }
                }
            }
            outbox.sent(m.id(), nowUtc());
        } catch (Exception e) {
            String error = describe(e);
            if (attempt >= maxAttempts) {
                outbox.failed(m.id(), "failed after " + attempt + " attempts: " + error);
                LOG.warn("message {} of plan {} failed after {} attempts: {}", m.id(), m.planId(), attempt, error);
            } else {
                long factor = 1L << Math.min(attempt - 1, 20);
                outbox.retry(m.id(), nowUtc().plus(retryBase.multipliedBy(factor)), error);
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 600; t = t.getCause()) {
            String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (b.indexOf(msg) < 0) {
                b.append(b.length() == 0 ? "" : ": ").append(msg);
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ what people do

    private CommunicationItem item(PlanState state, String itemId) {
        return state.plan().communications().stream().filter(c -> c.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new NotFound("communication item '" + itemId + "' of plan " + state.planId()));
    }

    /** Every item's state, in the plan's order. */
    public List<ItemState> states(long planId) {
        PlanState state = plans.current(planId);
        Plan plan = state.plan();
        Map<String, Outbox.ScheduleState> known = new LinkedHashMap<>();
        outbox.schedules(planId).forEach(s -> known.put(s.itemId(), s));
        Map<String, Message> last = new LinkedHashMap<>();
        outbox.lastOfEachItem(planId).forEach(m -> last.put(m.itemId(), m));
        List<LocalDateTime> milestones = plan.communications().stream().anyMatch(c -> c.schedule() != null)
                ? Occurrences.milestoneFinishes(plans.schedule(state)) : List.of();
        ZonedDateTime now = clock.instant().atZone(zone(plan));
        List<ItemState> out = new ArrayList<>();
        for (CommunicationItem c : plan.communications()) {
            String error = null;
            ZonedDateTime next = null;
            if (c.schedule() != null) {
                try {
                    next = Cadence.parse(c.schedule()).next(now, milestones).orElse(null);
                } catch (IllegalArgumentException e) {
                    error = e.getMessage();
                }
            }
            boolean paused = known.containsKey(c.id()) && known.get(c.id()).paused();
            out.add(new ItemState(c.id(), c.schedule(), error, paused ? null : next, paused, last.get(c.id()), channels(c)));
        }
        return out;
    }

    public ItemState state(long planId, String itemId) {
        return states(planId).stream().filter(s -> s.itemId().equals(itemId)).findFirst()
                .orElseThrow(() -> new NotFound("communication item '" + itemId + "' of plan " + planId));
    }

    public ItemState pause(long planId, String itemId, boolean paused) {
        PlanState state = plans.current(planId);
        CommunicationItem item = item(state, itemId);
        if (item.schedule() == null) {
            throw new IllegalArgumentException("schedule: communication '" + itemId + "' has no schedule to pause or resume; give it one first");
        }
        Cadence cadence = Cadence.parse(item.schedule());
        outbox.schedule(planId, itemId, cadence.text(), nowUtc());
        outbox.pause(planId, itemId, paused);
        return state(planId, itemId);
    }

    /** Composes and sends an item now, outside its cadence; the messages written, as they stand after the attempt. */
    public List<Message> sendNow(long planId, String itemId) {
        PlanState state = plans.current(planId);
        CommunicationItem item = item(state, itemId);
        requireReachable(state.plan(), item);
        String key = "now:" + clock.instant();
        write(planId, state, item, key, clock.instant().atZone(zone(state.plan())).toLocalDateTime());
        List<Message> written = outbox.list(planId, null, 500).stream().filter(m -> m.itemId().equals(itemId) && m.periodKey().equals(key)).toList();
        written.stream().filter(m -> m.status() == Status.PENDING).forEach(this::deliver);
        return written.stream().map(m -> outbox.find(planId, m.id()).orElse(m)).toList();
    }

    private static void requireReachable(Plan plan, CommunicationItem item) {
        if (channels(item).contains(Channel.EMAIL)) {
            Audience.Resolution r = Audience.resolve(plan, item);
            if (r.reached().isEmpty()) {
                throw new IllegalArgumentException("audience: no one in the audience of '" + item.id() + "' has an e-mail address"
                        + (r.unreached().isEmpty() ? "" : " (" + r.unreached().get(0).why() + ")"));
            }
        }
    }

    public Preview preview(long planId, String itemId) {
        PlanState state = plans.current(planId);
        CommunicationItem item = item(state, itemId);
        Plan plan = state.plan();
        ZonedDateTime now = clock.instant().atZone(zone(plan));
        Composed c = composer.compose(planId, state, item, now.toLocalDateTime(), Recipient.everyone());
        Audience.Resolution r = Audience.resolve(plan, item);
        List<Channel> channels = channels(item);
        List<String> recipients = new ArrayList<>();
        if (channels.contains(Channel.EMAIL)) {
            recipients.addAll(r.addresses());
        }
        if (channels.contains(Channel.WEBHOOK)) {
            recipients.add(item.webhook());
        }
        if (channels.contains(Channel.INBOX)) {
            recipients.add("plan members");
        }
        return new Preview(c.subject(), c.html(), recipients, r.unreached().stream().map(Audience.Unreached::why).toList(), channels,
                c.pdf().map(ReportComposer.Attachment::fileName).orElse(null), state(planId, itemId).nextSendAt());
    }

    public List<Message> outbox(long planId, Status status) {
        return outbox.list(planId, status, 500);
    }

    public Message message(long planId, long messageId) {
        return outbox.find(planId, messageId).orElseThrow(() -> new NotFound("message " + messageId + " of plan " + planId));
    }

    /** A message as .eml; only e-mail messages are. */
    public byte[] eml(long planId, long messageId) {
        Message m = message(planId, messageId);
        if (!m.channel().equals(Channel.EMAIL.text())) {
            throw new NotFound("message " + messageId + " is a " + m.channel() + " message; only e-mail messages are .eml files");
        }
        return delivery.eml(m);
    }

    // ------------------------------------------------------------------ secrets and the calendar feed

    /** The new secrets, in clear: shown once. */
    public record NewSecrets(String webhookSecret, String calendarToken) {
    }

    /** Makes new secrets for the plan (the old webhook secret and calendar link stop working). */
    public NewSecrets newSecrets(long planId) {
        String secret = token();
        String calendar = token();
        outbox.secrets(planId, secret, sha256(calendar), nowUtc(), true);
        return new NewSecrets(secret, calendar);
    }

    private Outbox.Secrets secrets(long planId) {
        return outbox.secrets(planId).orElseGet(() -> {
            outbox.secrets(planId, token(), sha256(token()), nowUtc(), false);
            return outbox.secrets(planId).orElseThrow();
        });
    }

    /** The plan's calendar feed, for whoever holds its token: milestones, deadlines and the meetings of its communication plan. */
    public byte[] calendar(long planId, String token) {
        Optional<Long> plan = token == null || token.length() < 20 ? Optional.empty() : outbox.planOfCalendarToken(sha256(token));
        if (plan.isEmpty() || plan.get() != planId) {
            throw new NotFound("calendar of plan " + planId);
        }
        PlanState state = plans.current(planId);
        PlanSchedule schedule = plans.schedule(state);
        List<LocalDateTime> milestones = Occurrences.milestoneFinishes(schedule);
        ZoneId zone = zone(state.plan());
        ZonedDateTime now = clock.instant().atZone(zone);
        List<ICalendarWriter.Meeting> meetings = new ArrayList<>();
        for (CommunicationItem c : state.plan().communications()) {
            Optional<Cadence> cadence = cadence(c);
            if (cadence.isEmpty() || c.channel() == null || !c.channel().trim().equalsIgnoreCase("meeting")) {
                continue;
            }
            ZonedDateTime at = now;
            for (int i = 0; i < 12; i++) {
                Optional<ZonedDateTime> next = cadence.get().next(at, milestones);
                if (next.isEmpty()) {
                    break;
                }
                at = next.get();
                meetings.add(new ICalendarWriter.Meeting(c.id() + "/" + at.toLocalDateTime(), at.toLocalDateTime(), c.name(),
                        (c.purpose() == null ? "" : c.purpose()) + (c.content() == null ? "" : "\n\n" + c.content())));
            }
        }
        return ICalendarWriter.write(state.plan(), schedule, clock.instant(), meetings).getBytes(StandardCharsets.UTF_8);
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ inbox

    public List<Outbox.InboxEntry> inbox(String username) {
        return outbox.inbox(username, 200);
    }

    static Set<Status> statuses() {
        return EnumSet.allOf(Status.class);
    }
}
