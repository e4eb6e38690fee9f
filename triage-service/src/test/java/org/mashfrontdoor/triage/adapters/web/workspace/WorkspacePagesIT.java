package org.mashfrontdoor.triage.adapters.web.workspace;

import org.mashfrontdoor.platform.codes.ReferralType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.time.Duration;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.mashfrontdoor.triage.application.OpeningContact;
import org.mashfrontdoor.triage.application.ViewingContacts;
import org.mashfrontdoor.triage.domain.ReceivedReferrals;
import org.mashfrontdoor.triage.domain.ReferralDetails;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.triage.domain.Role;
import org.mashfrontdoor.triage.domain.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The workspace's pages as the browser gets them (MockMvc, signed in as the provider would sign staff in): the
 * Content-Security-Policy, the purpose before a contact shows, validation errors next to their fields in GOV.UK
 * style, a social worker refused the sign-off, a manager's sign-off taking the contact off the queue. The sign-in
 * provider itself is never called here (its discovery is read at the first real sign-in only).
 */
@WithEmbeddedInfrastructure
@SpringBootTest(properties = {"spring.config.name=triage-service",
    "mash.sign-in.issuer-uri=http://127.0.0.1:9/not-called", "mash.workspace.intake-url=http://127.0.0.1:9"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@DisplayName("triage-service: the workspace pages (/mash/): CSP, purpose first, GOV.UK errors by the fields, roles")
class WorkspacePagesIT {

  static final OidcLoginRequestPostProcessor SOCIAL_WORKER = staff("sw-7", Role.MASH_SOCIAL_WORKER);
  static final OidcLoginRequestPostProcessor MANAGER = staff("mgr-7", Role.MASH_MANAGER);

  @Autowired
  WebApplicationContext context;
  @Autowired
  OpeningContact opening;
  @Autowired
  ViewingContacts viewing;
  @Autowired
  Clock clock;

  MockMvc mvc;

  static OidcLoginRequestPostProcessor staff(String id, Role role) {
    return oidcLogin().idToken(token -> token.subject(id).claim("name", id).claim("roles", List.of(role.name())))
        .authorities(new SimpleGrantedAuthority("ROLE_" + role.name()));
  }

  @BeforeEach
  void browser() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
  }

  /** What the police told the MASH (fictional), shown only through the audited read. */
  static ReferralDetails details(String referralId) {
    return new ReferralDetails(referralId, null,
        new ReferralDetails.Referrer("POLICE", "West Mercia Police", "PC Test", "Officer", null, null),
        List.of(new ReferralDetails.Child("Ava", "Marsh", LocalDate.parse("2016-03-14"), null, "Oak Primary",
            false)),
        null, new ReferralDetails.Concern(List.of("NEGLECT"), "Arrives hungry most days.", null, false, 3), null,
        new ReferralDetails.Consent(false, false, "Telling the parents could put Ava at risk.",
            "SAFEGUARDING_CHILDREN_DPA_2018"));
  }

  String openContact(boolean urgent) {
    String referralId = UUID.randomUUID().toString();
    opening.open(ReceivedReferrals.dueWithin24Hours(referralId, "MARF-2026-" + referralId.substring(0, 6),
        ReferralType.MARF, "POLICE", "West Mercia Police", clock.instant(), urgent, null, List.of(), false,
        List.of()), details(referralId), UUID.randomUUID().toString());
    return referralId;
  }

  static Document html(MvcResult result) throws Exception {
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  @Test
  void without_a_session_the_pages_send_the_browser_to_sign_in_and_show_nothing() throws Exception {
    MvcResult result = mvc.perform(get("/mash/")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    assertThat(result.getResponse().getRedirectedUrl()).endsWith("/oauth2/authorization/mash");
    assertThat(result.getResponse().getContentAsString()).doesNotContain("Queue");
  }

  /** As the provider's sign-in leaves it: the session holds who is signed in. */
  MockHttpSession signedIn(String id, Role role) {
    OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(id).claim("name", id)
        .issuedAt(clock.instant()).expiresAt(clock.instant().plusSeconds(300)).build();
    List<SimpleGrantedAuthority> roles = List.of(new SimpleGrantedAuthority("ROLE_" + role));
    MockHttpSession session = new MockHttpSession();
    session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
        new OAuth2AuthenticationToken(new DefaultOidcUser(roles, idToken), roles, "mash")));
    return session;
  }

  /** The queue's live stream, once its first copy of the queue is sent. */
  MvcResult openQueueStream(MockHttpSession session) throws Exception {
    MvcResult stream = mvc.perform(get("/mash/queue/stream").param("lane", "MASH").session(session))
        .andExpect(request().asyncStarted()).andReturn();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(stream.getResponse().getContentAsString()).as("the first copy of the queue is sent")
            .contains("event:"));
    return stream;
  }

  @Test
  void a_stream_still_open_when_its_session_ends_closes_without_a_refusal_written_into_it() throws Exception {
    MockHttpSession session = signedIn("sw-8", Role.MASH_SOCIAL_WORKER);
    MvcResult stream = openQueueStream(session);

    session.invalidate(); // signed out in another tab, or the session timed out
    MockAsyncContext container = (MockAsyncContext) stream.getRequest().getAsyncContext();
    for (AsyncListener listener : container.getListeners()) {
      listener.onTimeout(new AsyncEvent(container)); // the stream's end: the container dispatches it once more
    }

    mvc.perform(asyncDispatch(stream)).andExpect(status().isOk());
    assertThat(stream.getResponse().getRedirectedUrl()).as("not sent to sign in halfway through a stream").isNull();
  }

  @Test
  void a_stream_ends_at_its_next_poll_once_its_session_has_ended() throws Exception {
    MockHttpSession session = signedIn("sw-9", Role.MASH_SOCIAL_WORKER);
    MvcResult stream = openQueueStream(session);
    MockAsyncContext container = (MockAsyncContext) stream.getRequest().getAsyncContext();
    assertThat(container.getDispatchedPath()).as("open while signed in").isNull();

    session.invalidate(); // signed out: nothing more of the queue may reach this browser

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(container.getDispatchedPath()).as("the stream ended (the container finishes it)").isNotNull());
    mvc.perform(asyncDispatch(stream)).andExpect(status().isOk());
  }

  @Test
  void every_page_carries_a_content_security_policy_without_unsafe_inline() throws Exception {
    openContact(false);
    MvcResult queue = mvc.perform(get("/mash/").with(SOCIAL_WORKER)).andReturn();
    assertThat(queue.getResponse().getStatus()).isEqualTo(200);
    String csp = queue.getResponse().getHeader("Content-Security-Policy");
    assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
        "form-action 'self' http://127.0.0.1:9").doesNotContain("unsafe-inline", "unsafe-eval");
    Document page = html(queue);
    // Nothing inline for the policy to refuse: scripts and styles are files.
    assertThat(page.select("script:not([src])")).isEmpty();
    assertThat(page.select("style")).isEmpty();
    assertThat(page.select("[style]")).isEmpty();
    assertThat(page.select("script[src]").attr("src")).isEqualTo("/mash/workspace.js");
    assertThat(mvc.perform(get("/mash/workspace.js").with(SOCIAL_WORKER)).andReturn().getResponse()
        .getContentAsString()).contains("EventSource");
  }

  @Test
  void the_queue_shows_rag_in_colour_and_words_urgent_first_and_links_each_contact() throws Exception {
    String ordinary = openContact(false);
    String urgent = openContact(true);
    Document page = html(mvc.perform(get("/mash/?lane=MASH").with(SOCIAL_WORKER)).andReturn());
    List<Element> lines = page.select("#queue tr.queue-line");
    List<String> hrefs = lines.stream().map(l -> l.selectFirst("a").attr("href")).toList();
    assertThat(hrefs).contains("/mash/contacts/" + ordinary, "/mash/contacts/" + urgent);
    assertThat(hrefs.indexOf("/mash/contacts/" + urgent)).isLessThan(hrefs.indexOf("/mash/contacts/" + ordinary));
    Element line = lines.get(hrefs.indexOf("/mash/contacts/" + ordinary));
    assertThat(line.selectFirst(".app-rag").text()).isEqualTo("Green");
    assertThat(line.selectFirst(".app-rag").hasClass("govuk-tag--green")).isTrue();
    assertThat(line.selectFirst(".app-time-left").text()).matches("2[34] hours( \\d+ minutes?)? left");
    assertThat(lines.get(hrefs.indexOf("/mash/contacts/" + urgent)).select(".app-urgent").text()).isEqualTo("Urgent");
    assertThat(page.selectFirst("#queue-live").attr("data-stream")).as("the stream knows which copy the page has")
        .matches("/mash/queue/stream\\?lane=MASH&shown=[0-9a-f]{32}");
  }

  @Test
  void a_contact_shows_only_once_a_purpose_is_stated_and_that_read_is_audited() throws Exception {
    String referralId = openContact(false);
    Document asked = html(mvc.perform(get("/mash/contacts/" + referralId).with(SOCIAL_WORKER)).andReturn());
    assertThat(asked.selectFirst("label[for=purpose]").text()).isEqualTo("Why are you opening this contact?");
    assertThat(asked.select("#contact-summary")).isEmpty();
    assertThat(viewing.readsOf(referralId, new PageWindow(0, 100)).reads().items()).isEmpty();

    Document tooShort = html(mvc.perform(get("/mash/contacts/" + referralId).param("purpose", "x")
        .with(SOCIAL_WORKER)).andReturn());
    assertThat(tooShort.selectFirst("#purpose-error").text()).startsWith("Error: Say why you are opening");
    assertThat(tooShort.select("#contact-summary")).isEmpty();

    Document contact = html(mvc.perform(get("/mash/contacts/" + referralId).param("purpose", "MASH screening")
        .with(SOCIAL_WORKER)).andReturn());
    assertThat(contact.selectFirst("#contact-heading").text()).startsWith("MARF-2026-" + referralId.substring(0, 6));
    assertThat(contact.select("#recommendation-form")).hasSize(1);
    assertThat(contact.select("#sign-off-form")).as("a social worker is not offered the sign-off").isEmpty();
    assertThat(contact.selectFirst("#referral").text()).as("what the referral told the MASH")
        .contains("Ava Marsh", "Oak Primary", "Arrives hungry most days.", "PC Test")
        .doesNotContain("Shared without the family's consent").as("the consent warning is for managers");
    assertThat(viewing.readsOf(referralId, new PageWindow(0, 100)).reads().items()).singleElement().satisfies(read -> {
      assertThat(read.staffId()).isEqualTo("sw-7");
      assertThat(read.purpose()).isEqualTo("MASH screening");
    });
  }

  @Test
  void a_recommendation_with_answers_missing_is_shown_again_with_each_error_next_to_its_field() throws Exception {
    String referralId = openContact(false);
    MvcResult result = mvc.perform(post("/mash/contacts/" + referralId + "/recommendation").with(SOCIAL_WORKER)
        .with(csrf()).param("rationale", " ")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    Document page = html(result);
    assertThat(page.title()).startsWith("Error: ");
    assertThat(page.select("#error-summary a")).extracting(a -> a.attr("href") + " " + a.text()).containsExactly(
        "#recommendation-outcome Select an outcome", "#recommendation-level Select the level of need",
        "#recommendation-rationale Enter the rationale");
    // Each message sits in its own field's group, just above the field, and the field points at it.
    Element rationale = page.selectFirst("#recommendation-rationale");
    assertThat(rationale.parent().hasClass("govuk-form-group--error")).isTrue();
    assertThat(rationale.parent().selectFirst(".govuk-error-message").text()).isEqualTo("Error: Enter the rationale");
    assertThat(rationale.attr("aria-describedby")).contains("recommendation-rationale-error");
    assertThat(page.selectFirst("#recommendation-outcome-error").parent().parent()
        .hasClass("govuk-form-group--error")).isTrue();
    assertThat(page.text()).doesNotContain("Exception", "at org.");
  }

  @Test
  void a_step_the_contact_does_not_allow_yet_is_an_error_by_the_outcome_not_a_stack_trace() throws Exception {
    String referralId = openContact(false);
    Document page = html(mvc.perform(post("/mash/contacts/" + referralId + "/recommendation").with(SOCIAL_WORKER)
        .with(csrf()).param("outcome", "INFORMATION_AND_ADVICE").param("levelOfNeed", "1")
        .param("rationale", "Advice is enough.")).andReturn());
    assertThat(page.selectFirst("#recommendation-outcome-error").text())
        .isEqualTo("Error: Information and advice needs the advice given recorded first, with the checks.");
  }

  @Test
  void a_social_worker_cannot_sign_off_403_and_a_manager_signs_off_taking_the_contact_off_the_queue()
      throws Exception {
    String referralId = openContact(false);
    assertThat(mvc.perform(post("/mash/contacts/" + referralId + "/recommendation").with(SOCIAL_WORKER).with(csrf())
        .param("outcome", "EARLY_HELP").param("levelOfNeed", "2").param("rationale", "Family asked for support."))
        .andReturn().getResponse().getRedirectedUrl())
        .isEqualTo("/mash/contacts/" + referralId + "?purpose=Recording%20a%20recommendation");

    MvcResult refused = mvc.perform(post("/mash/contacts/" + referralId + "/sign-off").with(SOCIAL_WORKER)
        .with(csrf()).param("outcome", "EARLY_HELP").param("levelOfNeed", "2").param("rationale", "Agreed."))
        .andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    assertThat(html(refused).selectFirst("h1").text()).isEqualTo("You cannot do this");
    assertThat(html(refused).text()).doesNotContain("Exception");
    assertThat(viewing.contact(referralId, new Staff("t", Role.MASH_MANAGER), "Test check").contact().decision())
        .isNull();

    Document managerSees = html(mvc.perform(get("/mash/contacts/" + referralId).param("purpose", "Manager sign-off")
        .with(MANAGER)).andReturn());
    assertThat(managerSees.select("#sign-off-form input[name=outcome][value=EARLY_HELP][checked]")).hasSize(1);
    assertThat(managerSees.select("#recommendation-form")).isEmpty();

    MvcResult signedOff = mvc.perform(post("/mash/contacts/" + referralId + "/sign-off").with(MANAGER).with(csrf())
        .param("outcome", "EARLY_HELP").param("levelOfNeed", "2").param("rationale", "Agreed: early help."))
        .andReturn();
    assertThat(signedOff.getResponse().getRedirectedUrl()).isEqualTo("/mash/");
    assertThat(html(mvc.perform(get("/mash/").with(MANAGER)).andReturn()).select("#queue a"))
        .extracting(a -> a.attr("href")).doesNotContain("/mash/contacts/" + referralId);
  }

  @Test
  void no_further_action_is_signed_off_only_with_advice_to_the_referrer_asked_for_by_its_field() throws Exception {
    String referralId = openContact(false);
    mvc.perform(post("/mash/contacts/" + referralId + "/recommendation").with(SOCIAL_WORKER).with(csrf())
        .param("outcome", "NO_FURTHER_ACTION").param("levelOfNeed", "1").param("rationale", "No concern found.")
        .param("adviceToReferrer", "Keep the school nurse informed.")).andReturn();

    Document refused = html(mvc.perform(post("/mash/contacts/" + referralId + "/sign-off").with(MANAGER)
        .with(csrf()).param("outcome", "NO_FURTHER_ACTION").param("levelOfNeed", "1")
        .param("rationale", "Agreed.")).andReturn());
    assertThat(refused.selectFirst("#decision-advice-error").text()).startsWith("Error: Enter the advice to the referrer");

    MvcResult signedOff = mvc.perform(post("/mash/contacts/" + referralId + "/sign-off").with(MANAGER).with(csrf())
        .param("outcome", "NO_FURTHER_ACTION").param("levelOfNeed", "1").param("rationale", "Agreed.")
        .param("adviceToReferrer", "Keep the school nurse informed.")).andReturn();
    assertThat(signedOff.getResponse().getRedirectedUrl()).isEqualTo("/mash/");
  }

  @Test
  void a_form_posted_without_its_csrf_token_is_refused() throws Exception {
    String referralId = openContact(false);
    assertThat(mvc.perform(post("/mash/contacts/" + referralId + "/recommendation").with(SOCIAL_WORKER)
        .param("outcome", "EARLY_HELP").param("levelOfNeed", "2").param("rationale", "x")).andReturn()
        .getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  void record_a_contact_shows_each_missing_answer_by_its_field_and_says_so_when_intake_does_not_answer()
      throws Exception {
    Document empty = html(mvc.perform(post("/mash/record-contact").with(SOCIAL_WORKER).with(csrf())).andReturn());
    assertThat(empty.select("#error-summary a")).extracting(a -> a.attr("href")).containsExactly("#channel",
        "#callerAgency", "#immediateRisk", "#parentAware", "#consentGiven");
    assertThat(empty.selectFirst("#channel-error").text()).isEqualTo("Error: Select how the contact came in");

    Document intakeAway = html(mvc.perform(post("/mash/record-contact").with(SOCIAL_WORKER).with(csrf())
        .param("channel", "PHONE").param("callerName", "A caller").param("callerAgency", "ANONYMOUS")
        .param("immediateRisk", "no")
        .param("parentAware", "yes").param("consentGiven", "yes").param("submissionId", "form-12345678"))
        .andReturn());
    // MockMvc's sign-in keeps no access token to relay (IntakeClientTest has intake's answers): said, not thrown.
    assertThat(intakeAway.selectFirst("#error-summary").text()).contains("Nothing was recorded");
    assertThat(intakeAway.selectFirst("#callerName").attr("value")).as("the answers are kept").isEqualTo("A caller");
  }

  @Test
  void a_manager_and_a_social_worker_are_told_apart_in_the_header() throws Exception {
    assertThat(html(mvc.perform(get("/mash/").with(MANAGER)).andReturn()).selectFirst("#staff-role").text())
        .isEqualTo("MASH manager");
    assertThat(html(mvc.perform(get("/mash/").with(SOCIAL_WORKER)).andReturn()).selectFirst("#staff-role").text())
        .isEqualTo("MASH social worker");
  }
}
