package app.homeward.homework.plan;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentOption;
import app.homeward.homework.AssignmentOptionRepository;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.AssignmentRepository;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.Obstacle;
import app.homeward.homework.OccurrenceRepository;
import app.homeward.homework.OccurrenceState;
import app.homeward.homework.Reflection;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.AssignmentSummary.StepState;
import app.homeward.homework.portal.ChoiceCard;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.HomeworkCard;
import app.homeward.homework.portal.TodayPage;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.ReviewService;
import app.homeward.security.HomewardUser;
import app.homeward.security.InvitationService;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Step ladders and a choice of tasks through the services: the next step opens only when every
 * occurrence of the step before is finished or when the therapist unlocks it; ending any step ends
 * the ladder; the client chooses one of the worksheets offered, once; nobody else can choose, offer
 * or unlock, in the clinic or from another one; hostile step texts are stored as text or refused.
 */
class LadderAndChoiceTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final LocalTime LATE = LocalTime.of(23, 59);

    @Autowired ClientService clientService;
    @Autowired InvitationService invitations;
    @Autowired HomeworkPlans homework;
    @Autowired ReviewService reviews;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired AssignmentOptionRepository optionRepository;
    @Autowired AssignmentRepository assignmentRepository;
    @Autowired OccurrenceRepository occurrenceRepository;
    @Autowired TransactionTemplate tx;
    @Autowired EntityManager entityManager;

    ClinicBranding clinic;
    TestAccount therapist;
    UUID clientId;
    HomewardUser client;

    @BeforeEach
    void aTherapistWithAClient() {
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        clientId = addClient(therapist, "Noor Ladder" + TestClinics.random(5));
        client = lastAccepted;
        therapist.signIn();
    }

    // ------------------------------------------------------------------ step ladders

    @Test
    void the_next_step_opens_when_every_occurrence_of_the_step_is_finished_and_not_before() {
        UUID ladder = homework.assignLadder(clientId, "mood-log", plan("Lifts", twiceFromToday()),
                List.of("Stand by the lift for a minute", "Ride one floor with a friend", "Ride one floor alone"));

        List<AssignmentSummary> steps = ladder(ladder);
        assertThat(steps).extracting(AssignmentSummary::title).containsExactly("Stand by the lift for a minute",
                "Ride one floor with a friend", "Ride one floor alone");
        assertThat(steps).extracting(AssignmentSummary::status)
                .containsExactly(AssignmentStatus.ACTIVE, AssignmentStatus.WAITING, AssignmentStatus.WAITING);
        assertThat(steps).extracting(s -> s.ladder().state()).containsExactly(StepState.NOW, StepState.WAITING, StepState.WAITING);
        assertThat(steps).extracting(AssignmentSummary::total).as("waiting steps have no occurrences").containsExactly(2, 0, 0);
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.ladder().title()).isEqualTo("Lifts");
            assertThat(s.ladder().size()).isEqualTo(3);
        });

        TestUsers.signInAs(client);
        TodayPage today = todayService.today();
        HomeworkCard first = today.dueNow().getFirst();
        assertThat(today.dueNow()).singleElement().satisfies(card -> {
            assertThat(card.title()).isEqualTo("Stand by the lift for a minute");
            assertThat(card.ladderStep()).isEqualTo(1);
            assertThat(card.ladderSize()).isEqualTo(3);
            assertThat(card.nextStepWaiting()).isTrue();
        });
        assertThat(today.zone()).isEqualTo(ZONE);
        HomeworkCard second = today.comingUp().getFirst();

        entryService.submit(first.occurrenceId(), moodLog(), null);

        therapist.signIn();
        assertThat(ladder(ladder)).extracting(AssignmentSummary::status).as("one of two done: the step is not finished")
                .containsExactly(AssignmentStatus.ACTIVE, AssignmentStatus.WAITING, AssignmentStatus.WAITING);

        TestUsers.signInAs(client);
        entryService.submit(second.occurrenceId(), moodLog(), null);
        entryService.reflect(second.occurrenceId(), new Reflection(60, 7, 6, Set.of(), "Hard but done"));

        therapist.signIn();
        steps = ladder(ladder);
        assertThat(steps).extracting(AssignmentSummary::status)
                .containsExactly(AssignmentStatus.ENDED, AssignmentStatus.ACTIVE, AssignmentStatus.WAITING);
        assertThat(steps).extracting(s -> s.ladder().state()).containsExactly(StepState.DONE, StepState.NOW, StepState.WAITING);
        assertThat(steps.get(0).done() + steps.get(0).partial()).isEqualTo(2);
        assertThat(steps.get(1).total()).isEqualTo(2);
        assertThat(steps.get(1).schedule().start()).as("the step starts the day it opens").isEqualTo(today(ZONE));
        TestUsers.signInAs(client);
        assertThat(todayService.today().dueNow()).filteredOn(c -> c.ladderStep() == 2).singleElement()
                .satisfies(card -> assertThat(card.title()).isEqualTo("Ride one floor with a friend"));
    }

    @Test
    void the_therapist_unlocks_the_next_step_and_the_step_before_keeps_its_history() {
        UUID ladder = homework.assignLadder(clientId, "mood-log", plan("Crowds",
                        new Schedule(Schedule.Kind.DAILY, today(ZONE), null, 3, LATE, null, null, ZONE)),
                List.of("Coffee shop at a quiet hour", "Coffee shop at lunchtime"));
        TestUsers.signInAs(client);
        UUID todays = todayService.today().dueNow().getFirst().occurrenceId();
        entryService.submit(todays, moodLog(), null);

        therapist.signIn();
        UUID opened = homework.unlockNextStep(ladder);

        List<AssignmentSummary> steps = ladder(ladder);
        assertThat(opened).isEqualTo(steps.get(1).id());
        assertThat(steps).extracting(AssignmentSummary::status).containsExactly(AssignmentStatus.ENDED, AssignmentStatus.ACTIVE);
        assertThat(steps).extracting(s -> s.ladder().state()).containsExactly(StepState.DONE, StepState.NOW);
        assertThat(steps.get(0).total()).as("what was done stays, what was still to come is removed").isEqualTo(1);
        assertThat(steps.get(0).done()).isEqualTo(1);
        assertThat(steps.get(1).total()).isEqualTo(3);
        assertThatThrownBy(() -> homework.unlockNextStep(steps.get(1).id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("ladder.no-waiting-step"));
        assertThatThrownBy(() -> homework.unlockNextStep(UUID.randomUUID())).isInstanceOf(NotFoundException.class);

        TestUsers.signInAs(client);
        assertThat(entryService.open(todays).card().state()).isEqualTo(OccurrenceState.DONE);
        assertThat(todayService.today().dueNow()).extracting(HomeworkCard::title)
                .contains("Coffee shop at lunchtime");
        assertThat(todayService.today().dueNow()).filteredOn(c -> c.ladderStep() == 2).singleElement()
                .satisfies(card -> assertThat(card.nextStepWaiting()).as("the last step").isFalse());
    }

    @Test
    void unlocking_by_a_step_id_skips_what_the_client_left_open_instead_of_counting_it_as_missed() {
        // yesterday at midnight (missed by now) and today at midnight (due): both left open
        Schedule fromYesterday = new Schedule(Schedule.Kind.DAILY, today(ZONE).minusDays(1), null, 2,
                LocalTime.MIDNIGHT, null, null, ZONE);
        UUID ladder = homework.assignLadder(clientId, "mood-log", plan("Driving", fromYesterday),
                List.of("Sit in the car", "Drive round the block", "Drive to the shop"));
        assertThat(ladder(ladder).getFirst().missed()).isEqualTo(1);
        UUID firstStep = ladder(ladder).getFirst().id();

        homework.unlockNextStep(firstStep);

        List<AssignmentSummary> steps = ladder(ladder);
        assertThat(steps).extracting(AssignmentSummary::status)
                .containsExactly(AssignmentStatus.ENDED, AssignmentStatus.ACTIVE, AssignmentStatus.WAITING);
        assertThat(steps.getFirst().total()).as("passed over, not removed: they were due already").isEqualTo(2);
        assertThat(steps.getFirst().missed()).isZero();
        assertThat(steps.getFirst().upcoming()).isZero();
        TestUsers.signInAs(client);
        assertThat(todayService.today().dueNow()).as("what was passed over is no longer to do")
                .extracting(HomeworkCard::title).containsExactly("Drive round the block");
    }

    @Test
    void ending_any_step_ends_the_whole_ladder_and_the_waiting_steps_never_open() {
        UUID ladder = homework.assignLadder(clientId, "mood-log", plan("Heights", onceToday()),
                List.of("Second floor window", "Fourth floor balcony", "Roof terrace"));
        UUID waiting = ladder(ladder).get(2).id();

        homework.end(waiting);

        assertThat(ladder(ladder)).extracting(AssignmentSummary::status).containsOnly(AssignmentStatus.ENDED);
        assertThat(ladder(ladder)).extracting(s -> s.ladder().state())
                .containsExactly(StepState.ENDED, StepState.NOT_REACHED, StepState.NOT_REACHED);
        assertThatThrownBy(() -> homework.unlockNextStep(ladder))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("ladder.no-waiting-step"));
        assertThatThrownBy(() -> homework.end(waiting))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("assignment.ended"));
        assertThatThrownBy(() -> homework.replan(waiting, plan("Other", onceToday())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("assignment.ended"));
        TestUsers.signInAs(client);
        assertThat(todayService.today().dueNow()).isEmpty();
    }

    @Test
    void changing_the_plan_of_the_active_step_carries_over_to_the_waiting_steps_but_a_waiting_step_cannot_be_changed() {
        UUID ladder = homework.assignLadder(clientId, "mood-log", plan("Buses", onceToday()),
                List.of("Bus stop", "One stop by bus"));
        List<AssignmentSummary> steps = ladder(ladder);

        homework.replan(steps.get(0).id(), plan("Bus stop, for five minutes", twiceFromToday()));

        assertThat(homework.plan(steps.get(0).id()).title()).isEqualTo("Bus stop, for five minutes");
        assertThat(homework.plan(steps.get(1).id()).title()).as("each step keeps its text").isEqualTo("One stop by bus");
        assertThat(homework.plan(steps.get(1).id()).schedule().times()).isEqualTo(2);
        assertThatThrownBy(() -> homework.replan(steps.get(1).id(), plan("Too soon", onceToday())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("assignment.not-started"));
    }

    @Test
    void a_carried_over_step_stays_that_step_and_finishing_it_opens_the_next() {
        UUID ladder = homework.assignLadder(clientId, "mood-log", plan("Phone calls", onceToday()),
                List.of("Call a friend", "Call the doctor's office"));
        UUID carried = homework.carryOver(ladder(ladder).getFirst().id(), Set.of(Obstacle.AVOIDANCE), "Felt too anxious");

        assertThat(ladder(ladder)).filteredOn(s -> s.id().equals(carried)).singleElement().satisfies(s -> {
            assertThat(s.ladder().step()).isEqualTo(1);
            assertThat(s.status()).isEqualTo(AssignmentStatus.ACTIVE);
        });
        TestUsers.signInAs(client);
        UUID due = todayService.today().dueNow().stream().filter(c -> c.assignmentId().equals(carried)).findFirst()
                .orElseThrow().occurrenceId();
        entryService.submit(due, moodLog(), null);

        therapist.signIn();
        assertThat(ladder(ladder)).filteredOn(s -> s.ladder().step() == 2).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(AssignmentStatus.ACTIVE));
    }

    @Test
    void a_ladder_needs_two_to_thirty_short_steps_and_a_bounded_schedule() {
        expectRefused(() -> homework.assignLadder(clientId, "mood-log", plan("One", onceToday()), List.of("Only step")),
                "steps", "ladder.steps.count");
        expectRefused(() -> homework.assignLadder(clientId, "mood-log", plan("None", onceToday()), null),
                "steps", "ladder.steps.count");
        expectRefused(() -> homework.assignLadder(clientId, "mood-log", plan("Many", onceToday()),
                Collections.nCopies(31, "A step")), "steps", "ladder.steps.count");
        expectRefused(() -> homework.assignLadder(clientId, "mood-log", plan("Blank", onceToday()),
                List.of("First", "  \u0000 ")), "step.2", "validation.required");
        expectRefused(() -> homework.assignLadder(clientId, "mood-log", plan("Long", onceToday()),
                List.of("First", "Second", "x".repeat(10_000))), "step.3", "validation.too-long");
        expectRefused(() -> homework.assignLadder(clientId, "mood-log", plan("Endless",
                        new Schedule(Schedule.Kind.DAILY, today(ZONE), null, null, LATE, null, null, ZONE)),
                List.of("First", "Second")), "end", "schedule.end-or-times");
        expectRefused(() -> homework.assignLadder(clientId, "mood-log", plan(" ", onceToday()),
                List.of("First", "Second")), "title", "validation.required");
        assertThat(homework.assignments(clientId)).isEmpty();
    }

    @Test
    void hostile_step_texts_are_stored_as_text() {
        List<String> hostile = List.of("<script>alert('x')</script>", "'; drop table assignment; --",
                "a\u0000b\u0007c\u001B[31m", "abc\u202Edcba", "🙂 مرحبا שלום", "line\r\nbreak");

        UUID ladder = homework.assignLadder(clientId, "mood-log", plan("<b>Ladder</b>", onceToday()), hostile);

        List<AssignmentSummary> steps = ladder(ladder);
        assertThat(steps).extracting(AssignmentSummary::title).containsExactly("<script>alert('x')</script>",
                "'; drop table assignment; --", "abc[31m", "abcdcba", "🙂 مرحبا שלום", "linebreak");
        assertThat(steps.getFirst().ladder().title()).isEqualTo("<b>Ladder</b>");
    }

    // ------------------------------------------------------------------ choice of tasks

    @Test
    void the_client_chooses_one_worksheet_and_it_is_due_from_that_day() {
        Schedule lastWeek = new Schedule(Schedule.Kind.DAILY, today(ZONE).minusDays(7),
                today(ZONE).minusDays(5), null, LATE, null, null, ZONE);
        UUID choice = homework.offerChoice(clientId, List.of("thought-record", "mood-log", "worry-log"),
                new AssignmentPlan("ignored", "", "Whichever you pick, once a day", "After dinner", "At home", lastWeek,
                        Set.of(Obstacle.FORGETTING), "", "Before bed", 8, false, false, 1, null));

        assertThat(homework.assignments(clientId)).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(AssignmentStatus.CHOOSING);
            assertThat(s.total()).isZero();
            assertThat(s.options()).containsExactly("Thought record", "Mood log", "Worry log and worry time");
            assertThat(s.chosenByClient()).isFalse();
        });

        TestUsers.signInAs(client);
        TodayPage today = todayService.today();
        assertThat(today.dueNow()).isEmpty();
        assertThat(today.empty()).isFalse();
        ChoiceCard card = today.choices().getFirst();
        assertThat(today.choices()).hasSize(1);
        assertThat(card.assignmentId()).isEqualTo(choice);
        assertThat(card.what()).isEqualTo("Whichever you pick, once a day");
        assertThat(card.options()).extracting(ChoiceCard.Option::title).containsExactly("Thought record", "Mood log", "Worry log and worry time");
        assertThat(card.options()).allSatisfy(o -> assertThat(o.why()).isNotBlank());
        ChoiceCard.Option moodLog = card.options().get(1);

        todayService.choose(choice, moodLog.id());

        today = todayService.today();
        assertThat(today.choices()).isEmpty();
        HomeworkCard due = today.dueNow().getFirst();
        assertThat(today.dueNow()).hasSize(1);
        assertThat(due.title()).isEqualTo("Mood log");
        assertThat(due.rationale()).as("no rationale given: the chosen worksheet's own").isEqualTo(moodLog.why());
        assertThat(due.what()).isEqualTo("Whichever you pick, once a day");
        assertThat(entryService.open(due.occurrenceId()).document().title()).isEqualTo("Mood log");
        entryService.submit(due.occurrenceId(), moodLog(), null);
        assertThatThrownBy(() -> todayService.choose(choice, card.options().getFirst().id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("choice.already-made"));

        therapist.signIn();
        assertThat(homework.assignments(clientId)).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(AssignmentStatus.ACTIVE);
            assertThat(s.title()).isEqualTo("Mood log");
            assertThat(s.chosenByClient()).isTrue();
            assertThat(s.total()).as("the three days of the plan, from today").isEqualTo(3);
            assertThat(s.done()).isEqualTo(1);
            assertThat(s.schedule().start()).isEqualTo(today(ZONE));
        });
        assertThat(reviews.entriesOf(clientId)).singleElement().satisfies(e -> assertThat(e.title()).isEqualTo("Mood log"));
    }

    @Test
    void a_withdrawn_choice_disappears_and_can_no_longer_be_made() {
        UUID choice = homework.offerChoice(clientId, List.of("thought-record", "mood-log"), choicePlan("Why homework helps"));
        TestUsers.signInAs(client);
        UUID option = todayService.today().choices().getFirst().options().getFirst().id();

        therapist.signIn();
        homework.end(choice);

        assertThat(homework.assignments(clientId).getFirst().status()).isEqualTo(AssignmentStatus.ENDED);
        TestUsers.signInAs(client);
        assertThat(todayService.today().choices()).isEmpty();
        assertThatThrownBy(() -> todayService.choose(choice, option))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("choice.withdrawn"));
    }

    @Test
    void a_choice_offers_two_or_three_different_published_worksheets() {
        expectRefused(() -> homework.offerChoice(clientId, List.of("mood-log"), choicePlan("x")), "options", "choice.options.count");
        expectRefused(() -> homework.offerChoice(clientId, List.of("mood-log", "worry-log", "phq-9", "gad-7"), choicePlan("x")),
                "options", "choice.options.count");
        expectRefused(() -> homework.offerChoice(clientId, List.of("mood-log", "mood-log"), choicePlan("x")),
                "options", "choice.options.distinct");
        assertThatThrownBy(() -> homework.offerChoice(clientId, List.of("mood-log", "no-such-worksheet"), choicePlan("x")))
                .isInstanceOf(NotFoundException.class);
        expectRefused(() -> homework.offerChoice(clientId, List.of("mood-log", "worry-log"),
                new AssignmentPlan(null, "Why", null, null, null, null, null, null, null, 8, false, false, 1, null)),
                "schedule", "validation.choose");
        assertThat(homework.assignments(clientId)).isEmpty();
    }

    @Test
    void another_client_cannot_see_or_make_the_choice_and_an_option_of_another_choice_is_not_found() {
        UUID choice = homework.offerChoice(clientId, List.of("thought-record", "mood-log"), choicePlan("Pick one"));
        UUID other = homework.offerChoice(clientId, List.of("worry-log", "mood-log"), choicePlan("Pick another"));
        TestUsers.signInAs(client);
        UUID optionOfOther = todayService.today().choices().stream().filter(c -> c.assignmentId().equals(other)).findFirst()
                .orElseThrow().options().getFirst().id();
        UUID option = todayService.today().choices().stream().filter(c -> c.assignmentId().equals(choice)).findFirst()
                .orElseThrow().options().getFirst().id();
        assertThatThrownBy(() -> todayService.choose(choice, optionOfOther)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> todayService.choose(choice, null)).isInstanceOf(NotFoundException.class);

        therapist.signIn();
        addClient(therapist, "Second client");
        TestUsers.signInAs(lastAccepted);
        assertThat(todayService.today().choices()).isEmpty();
        assertThatThrownBy(() -> todayService.choose(choice, option)).isInstanceOf(NotFoundException.class);

        therapist.signIn();
        assertThat(homework.assignments(clientId)).filteredOn(s -> s.id().equals(choice)).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(AssignmentStatus.CHOOSING));
    }

    // ------------------------------------------------------------------ other therapists, other clinics

    @Test
    void another_therapist_and_another_clinic_cannot_offer_unlock_end_or_choose_for_a_foreign_client() {
        UUID ladder = homework.assignLadder(clientId, "mood-log", plan("Lifts", onceToday()), List.of("Look", "Ride"));
        UUID choice = homework.offerChoice(clientId, List.of("thought-record", "mood-log"), choicePlan("Pick one"));
        UUID firstStep = ladder(ladder).getFirst().id();
        TestUsers.signInAs(client);
        UUID option = todayService.today().choices().getFirst().options().getFirst().id();

        ClinicBranding otherClinic = testClinics.clinic();
        TestAccount stranger = testClinics.account(otherClinic, Role.THERAPIST);
        TestAccount strangerAdmin = testClinics.account(otherClinic, Role.CLINIC_ADMIN);
        TestAccount colleague = testClinics.account(clinic, Role.THERAPIST);
        UUID strangersClient = addClient(stranger, "Far away client");
        HomewardUser strangersClientUser = lastAccepted;
        stranger.signIn();
        UUID strangersChoice = homework.offerChoice(strangersClient, List.of("worry-log", "mood-log"), choicePlan("Theirs"));

        for (TestAccount outsider : List.of(colleague, stranger, strangerAdmin)) {
            outsider.signIn();
            String who = outsider.role() + " of " + (outsider.clinic().equals(clinic) ? "the same clinic" : "another clinic");
            assertThatThrownBy(() -> homework.assignLadder(clientId, "mood-log", plan("Mine", onceToday()), List.of("a", "b")))
                    .as(who).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> homework.offerChoice(clientId, List.of("mood-log", "worry-log"), choicePlan("Mine")))
                    .as(who).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> homework.unlockNextStep(ladder)).as(who).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> homework.unlockNextStep(firstStep)).as(who).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> homework.end(choice)).as(who).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> homework.end(firstStep)).as(who).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> homework.startReplanning(firstStep)).as(who).isInstanceOf(NotFoundException.class);
        }
        TestUsers.signInAs(strangersClientUser);
        assertThat(todayService.today().choices()).extracting(ChoiceCard::assignmentId).containsExactly(strangersChoice);
        assertThatThrownBy(() -> todayService.choose(choice, option)).isInstanceOf(NotFoundException.class);
        UUID strangersOption = todayService.today().choices().getFirst().options().getFirst().id();
        TestUsers.signInAs(client);
        assertThatThrownBy(() -> todayService.choose(strangersChoice, strangersOption)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> todayService.choose(choice, strangersOption)).isInstanceOf(NotFoundException.class);

        // the options themselves: clinic B's repositories find, change and delete nothing of clinic A's
        List<UUID> optionsOfA = asClinic(clinic.id(), () -> optionRepository.findByAssignmentIdInOrderByPosition(List.of(choice))
                .stream().map(AssignmentOption::getId).toList());
        assertThat(optionsOfA).hasSize(2).contains(option);
        assertThat(asClinic(otherClinic.id(), () -> optionRepository.findById(option))).isEmpty();
        assertThat(asClinic(otherClinic.id(), () -> optionRepository.findAllById(optionsOfA))).isEmpty();
        assertThat(asClinic(otherClinic.id(), () -> optionRepository.findByAssignmentIdInOrderByPosition(List.of(choice)))).isEmpty();
        assertThat(asClinic(otherClinic.id(), () -> optionRepository.findAll().stream().map(AssignmentOption::getId).toList()))
                .doesNotContainAnyElementsOf(optionsOfA).contains(strangersOption);
        assertThat(asClinic(otherClinic.id(), () -> entityManager.createQuery(
                "update AssignmentOption o set o.title = 'taken' where o.id = :id").setParameter("id", option).executeUpdate())).isZero();
        asClinic(otherClinic.id(), () -> {
            optionRepository.deleteById(option);
            return null;
        });
        assertThat(asClinic(otherClinic.id(), () -> entityManager.createQuery(
                "delete from AssignmentOption o where o.id = :id").setParameter("id", option).executeUpdate())).isZero();
        assertThat(asClinic(otherClinic.id(), () -> assignmentRepository.findByLadderIdOrderByLadderStepAscCreatedAtAsc(ladder))).isEmpty();
        assertThat(asClinic(otherClinic.id(), () -> assignmentRepository.findByClientIdAndStatusOrderByCreatedAt(clientId,
                AssignmentStatus.CHOOSING))).isEmpty();

        therapist.signIn();
        assertThat(homework.assignments(clientId)).filteredOn(s -> s.id().equals(choice)).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(AssignmentStatus.CHOOSING);
            assertThat(s.options()).containsExactly("Thought record", "Mood log");
        });
        assertThat(ladder(ladder)).extracting(AssignmentSummary::status)
                .containsExactly(AssignmentStatus.ACTIVE, AssignmentStatus.WAITING);
    }

    // ------------------------------------------------------------------ helpers

    private List<AssignmentSummary> ladder(UUID ladderId) {
        return homework.assignments(clientId).stream().filter(s -> s.ladder() != null && s.ladder().id().equals(ladderId))
                .sorted(Comparator.comparing((AssignmentSummary s) -> s.ladder().step())
                        .thenComparing(AssignmentSummary::createdAt))
                .toList();
    }

    private Schedule onceToday() {
        return Schedule.once(today(ZONE), LATE, ZONE);
    }

    private Schedule twiceFromToday() {
        return new Schedule(Schedule.Kind.DAILY, today(ZONE), null, 2, LATE, null, null, ZONE);
    }

    static AssignmentPlan plan(String title, Schedule schedule) {
        return new AssignmentPlan(title, "Facing it step by step teaches your body that it is safe.",
                "Stay until the anxiety halves", "After work", "At the station", schedule,
                Set.of(Obstacle.AVOIDANCE), "", "Do a smaller version", 7, false, false, 2, null);
    }

    private AssignmentPlan choicePlan(String rationale) {
        return new AssignmentPlan("", rationale, "Once", null, null, onceToday(), Set.of(), "", "", 8, false, false, 1, null);
    }

    private Map<String, Object> moodLog() {
        return Map.of("date", today(ZONE).toString(), "mood", 6);
    }

    private static void expectRefused(Runnable call, String field, String key) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.field()).as(key).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    private <T> T asClinic(UUID clinicId, Supplier<T> work) {
        return TenantContext.callAs(clinicId, () -> tx.execute(s -> work.get()));
    }

    private HomewardUser lastAccepted;

    /** Adds a client as {@code by} and accepts the invitation; the account is left in {@link #lastAccepted}. */
    private UUID addClient(TestAccount by, String name) {
        by.signIn();
        String email = TestClinics.randomEmail();
        UUID id = clientService.add(new NewClient(name, email, ZONE.getId(), "en", null, false)).id();
        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).as("invitation to " + email).isNotEmpty();
        String token = Mails.token(Mails.text(mails.getLast()), by.clinic().slug(), "invite");
        TestUsers.signOut();
        lastAccepted = invitations.accept(by.clinic().slug(), token, name, "a-long-passphrase-" + TestClinics.random(8));
        return id;
    }
}
