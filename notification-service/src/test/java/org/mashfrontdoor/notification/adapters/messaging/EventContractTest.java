package org.mashfrontdoor.notification.adapters.messaging;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.EventContract;

/** notification-service's tolerant readers against docs/asyncapi.yaml's examples: every field they use is carried. */
@DisplayName("notification-service's readers against the contract (docs/asyncapi.yaml)")
class EventContractTest {

  private final EventContract contract = EventContract.get();

  @Test
  @DisplayName("its readers of triage.* events read every field they use from the examples")
  void triageReadersReadTheExamples() {
    contract.assertReadsExamples(ContactOpenedData.class, ContactOpenedData.TYPE);
    contract.assertReadsExamples(DecisionRecordedData.class, DecisionRecordedData.TYPE);
    contract.assertReadsExamples(DeadlineData.class, DeadlineData.APPROACHING_TYPE);
    contract.assertReadsExamples(DeadlineData.class, DeadlineData.BREACHED_TYPE);
    contract.assertReadsExamples(RagReportData.class, RagReportData.TYPE);
  }

  @Test
  @DisplayName("its readers of case.* events read every field they use from the examples")
  void caseReadersReadTheExamples() {
    contract.assertReadsExamples(CaseDeadlineData.class, CaseDeadlineData.APPROACHING_TYPE);
    contract.assertReadsExamples(CaseDeadlineData.class, CaseDeadlineData.BREACHED_TYPE);
    // One reader for three milestones: each carries its own time field, together they carry every field it reads.
    contract.assertReadsExamples(CaseMilestoneData.class, CaseMilestoneData.ICPC_HELD_TYPE,
        CaseMilestoneData.ASSESSMENT_COMPLETED_TYPE, CaseMilestoneData.EARLY_HELP_STARTED_TYPE);
  }
}
