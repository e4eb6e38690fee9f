package org.mashfrontdoor.intake.adapters;

/** MARF bodies shared by the intake tests (fictional people; a valid NHS number). */
public final class SampleMarfs {

  /** A school's neglect concern about one child, with a high DASH level. */
  public static final String SCHOOL_CONCERN = """
      {"referralType":"MARF",
       "referrer":{"agency":"SCHOOL","organisation":"Bishop's Oak Primary","name":"A. Teacher","role":"DSL","email":"dsl@example.org"},
       "children":[{"givenName":"Ava","familyName":"Marsh","dateOfBirth":"2016-03-14","nhsNumber":"9434765919",
                    "address":{"line1":"4 Widemarsh Street","town":"Hereford","postcode":"HR4 9EP"}}],
       "concern":{"categories":["NEGLECT"],"summary":"Ava arrives hungry and unwashed most days.","immediateRisk":false,"levelOfNeed":3},
       "domesticAbuse":{"dashRiskLevel":"HIGH"},
       "consent":{"parentAware":true,"consentGiven":true}}
      """;

  private SampleMarfs() {
  }
}
