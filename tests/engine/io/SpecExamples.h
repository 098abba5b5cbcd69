// The example documents of the spec's section 4, verbatim, shared by the reader tests.
#pragma once

namespace fairtender::testing {

inline constexpr const char* kSpecTender =
    R"xml(<tender xmlns="urn:fairtender:tender:1" id="PCC-2026-014" currency="GBP">
  <title>School meals catering 2027-2030</title>
  <buyer>Preston City Council</buyer>
  <estimated-value>1200000.00</estimated-value>
  <living-wage-rate region="uk" hourly="13.45" statutory-minimum="12.21" effective="2025-10-22"/>
  <area id="local" name="Preston"><postcode prefix="PR1"/><postcode prefix="PR2"/></area>
  <area id="regional" name="Lancashire"><postcode prefix="PR"/><postcode prefix="BB"/></area>
  <model rounding="2" tie-break="quality social-value lowest-price">
    <criterion id="price" type="price" weight="40" method="lowest-relative">
      <abnormally-low below-mean-percent="20"/>
    </criterion>
    <group id="quality" title="Quality" weight="35" min-percent="50">
      <criterion id="q1" title="Menu and nutrition" type="judgement" weight="60" scale-max="5" min-score="2"/>
      <criterion id="q2" title="Mobilisation" type="judgement" weight="40" scale-max="5">
        <descriptor score="0">No response, or fails to address the question</descriptor>
        <descriptor score="3">Good: meets the requirement with some evidence</descriptor>
        <descriptor score="5">Excellent: exceeds the requirement, fully evidenced</descriptor>
      </criterion>
    </group>
    <group id="social-value" title="Social value" weight="15">
      <criterion id="sv" type="social-value" weight="70">
        <measure id="local-jobs" title="Local people employed" unit="FTE" proxy="28000.00"/>
        <measure id="apprentice-weeks" title="Apprenticeship weeks" unit="week" proxy="230.00"/>
      </criterion>
      <criterion id="sv-plan" title="Delivery plan" type="judgement" weight="30" scale-max="100" scale-step="20"/>
    </group>
    <criterion id="locality" type="locality" weight="4">
      <band area="local" score="1"/><band area="regional" score="0.5"/>
    </criterion>
    <criterion id="rlw" type="living-wage" weight="3"/>
    <criterion id="ownership" type="ownership" weight="3">
      <ownership model="worker-cooperative" score="1"/><ownership model="employee-owned" score="1"/>
      <otherwise score="0.2"/>
    </criterion>
    <gate id="insurance" title="Public liability insurance of at least 5m"/>
  </model>
</tender>
)xml";

inline constexpr const char* kSpecBids =
    R"xml(<bids xmlns="urn:fairtender:bid:1" tender="PCC-2026-014">   <!-- or one <bid> per file -->
  <bid id="B1">
    <supplier name="Ribble Valley Catering Co-operative" postcode="PR1 2HE" ownership="worker-cooperative" sme="true"/>
    <price>1050000.00</price>          <!-- or <cost year="0">..</cost><cost year="1">..</cost> for whole-life -->
    <living-wage accredited="true" committed="true" lowest-hourly-rate="13.60"/>
    <local-spend percent="62"/>
    <commitment measure="local-jobs" quantity="12"/>
    <gate id="insurance" pass="true"/>
  </bid>
</bids>
)xml";

inline constexpr const char* kSpecEvaluations =
    R"xml(<evaluations xmlns="urn:fairtender:evaluations:1" tender="PCC-2026-014">
  <score bid="B1" criterion="q1" evaluator="E1" value="4">Clear seasonal menus, sourced locally.</score>
  <consensus bid="B1" criterion="q1" value="4" moderator="M1">Agreed at moderation on 3 March.</consensus>
  <deliverability bid="B1" measure="local-jobs" factor="0.5">Only half evidenced.</deliverability>
  <abnormally-low-decision bid="B3" accept="false">Explanation did not account for staff costs.</abnormally-low-decision>
</evaluations>
)xml";

} // namespace fairtender::testing
