"""Tests for extract.normalize.routes: routes of administration.

The tables hold real strings, cut from the seed documents
(``../shared/seeds``), the development corpus (``../shared/corpus/docs``) and
the EBM-NLP abstracts (``../shared/corpus/ebm_nlp_rct_abstracts.jsonl``); the
test id names the source (``seed000``, ``d01``, ``pmid_10606880``). The
EBM-NLP text was rebuilt from tokens, hence its odd spacing ("0.05 mg / kg",
"( IV )"). Phrasings that none of these sources holds ("i.t.", "via IV",
"8 mg/kg IV q4w", "a topical review") are in separate tables marked
``constructed``.

Each case gives the exact list of route names :func:`find_routes` must
return, in text order (one per mention), and for some the evidence too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.normalize.routes import (
    ROUTES,
    RouteMatch,
    _compile,
    _find_without_cues,
    find_routes,
)
from extract.patterns import PatternError, load_patterns

_ABSTRACTS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ebm_nlp_rct_abstracts.jsonl"

IV, IT, IM, SC, ORAL = "intravenous", "intrathecal", "intramuscular", "subcutaneous", "oral"


def _check(text: str, routes: list[str], evidence: list[str] | None = None) -> None:
    """Assert that find_routes(text) gives exactly ``routes`` (and ``evidence``), in order."""
    found = find_routes(text)
    got = [m.route for m in found]
    assert got == routes, f"{got} != {routes}: {[text[m.start : m.end] for m in found]}"
    if evidence is not None:
        assert [text[m.start : m.end] for m in found] == evidence


# ---------------------------------------------------------------------------
# Positive cases from real documents.
# ---------------------------------------------------------------------------

REAL_POSITIVE = [
    # A tablet or capsule with its strength after it (fourth held-out draw and the corpus).
    pytest.param(
        "treated for four weeks with carbenoxolone sodium as Biogastrone tablets 100 mg three times a day",
        [ORAL], ["tablets 100 mg"], id="pmid_7010528-tablets-strength",
    ),
    pytest.param(
        "of treatment group A: Alpha dihidroergocriptine tablets of 10 mg, group B: Placebo",
        [ORAL], ["tablets of 10 mg"], id="pmid_17357577-tablets-of-strength",
    ),
    # Seeds and development documents: the gold routes, each from its phrase.
    # Lower-case im / iv in a route slot (held-out audit of 30 EBM-NLP abstracts, seed 4242, and the corpus).
    pytest.param(
        "three parallel treatment arms [oral TU; transdermal placebo gel (P); im TU] administration for 12 months (mo).",
        [ORAL, "transdermal", IM],
        ["oral", "transdermal", "im"],
        id="pmid_20220293-im-before-abbreviation",
    ),
    pytest.param(
        "Fentanyl (1 mcg/kg iv) and ketorolac (30 mg im) were administered immediately following induction of anaesthesia",
        [IV, IM],
        ["iv", "im"],
        id="corpus-iv-im-after-dose",
    ),
    pytest.param(
        "All teicoplanin iv patients and 64 percent of teicoplanin im patients were cured microbiologically",
        [IV, IM],
        ["iv", "im"],
        id="corpus-drug-iv-patients",
    ),
    pytest.param(
        "repeated stem cell transplantation (3 times BM-MSCs transplantation (1×10^6, MSC/Kg BW per injection) "
        "concurrently intrathecally (IT) and intravenously (IV), with one-month interval).",
        [IT, IV],
        ["intrathecally (IT)", "intravenously (IV)"],
        id="seed000-defined-pair",
    ),
    pytest.param(
        "in equal amounts in both an intravenous (IV) and intrathecal (IT) capacity simultaneously",
        [IV, IT],
        ["intravenous (IV)", "intrathecal (IT)"],
        id="seed001-defined-pair",
    ),
    pytest.param(
        "repeated infusions of autologous-bone marrow-derived mesenchymal stem cells (BM-MSCs) in 15 confirmed "
        "patients with ALS",
        [IV],
        ["infusions"],
        id="seed001-infusions-of",
    ),
    pytest.param(
        "通过静脉(IV)和鞘内(IT)同时等量给药",
        [IV, IT],
        id="seed001-zh-defined-pair",
    ),
    pytest.param(
        "Each patient received 15±3×10<sup>6</sup> cells through subarachnoid space.",
        [IT],
        ["subarachnoid"],
        id="seed002-subarachnoid-space",
    ),
    pytest.param(
        "the efficacy and safety of autologous bone marrow (BM)-derived MSCs through intrathecal administration in "
        "ALS patients.",
        [IT],
        ["intrathecal administration"],
        id="seed002-intrathecal-administration",
    ),
    pytest.param(
        "mesenchymal stem cell intra spinal injection of 1 ×10(8) mesenchymal stem cells +10cc normal saline",
        ["intraspinal"],
        ["intra spinal injection"],
        id="seed003-intra-spinal",
    ),
    pytest.param(
        "Effect of Intrathecal injection of autologous mesenchymal stem cells in improving the symptoms of ALS",
        [IT],
        id="seed003-intrathecal-injection",
    ),
    pytest.param(
        "Intravenous (IV) infusion of allogeneic Ad-MSCs in ALS patients is safe and feasible.",
        [IV],
        ["Intravenous (IV) infusion"],
        id="seed004-defined-with-infusion",
    ),
    pytest.param(
        "Allogeneic Ad-MSCs were transplanted intravenously for all patients.",
        [IV],
        id="seed004-adverb",
    ),
    pytest.param(
        "Follow-ups were done at 24 hours, 2, 4, 6, and 12 months after cell infusion by checking adverse events",
        [IV],
        ["infusion"],
        id="seed004-cell-infusion",
    ),
    pytest.param(
        "Patients were initially treated with 1 ×106 MSCS/kg of body weight (IT + IV) and subsequently with up to "
        "additional eight courses of MSCs",
        [IT, IV],
        ["IT", "IV"],
        id="d01-combined-IT-plus-IV",
    ),
    pytest.param(
        "Our previous trials, have shown that intrathecal (IT) and intravenous (IV) administration of MSCs were safe",
        [IT, IV],
        id="d01-defined-pair",
    ),
    pytest.param(
        "10 patients with COVID-19-related ARDS were treated with 3 daily intravenous infusions of hCT-MSCs",
        [IV],
        ["intravenous infusions"],
        id="d02-intravenous-infusions",
    ),
    pytest.param(
        "patients were given intravenous transplantation of umbilical cord mesenchymal stem cells (passages 2-4)",
        [IV],
        id="d05-intravenous-transplantation",
    ),
    pytest.param(
        "其中31例为治疗组,以外周静脉回输方式接受UC-MSC治疗;27例为对照组",
        [IV],
        ["静脉回输"],
        id="d06-zh-venous-reinfusion",
    ),
    pytest.param(
        "间充质干细胞关节内注射治疗膝骨关节炎:概念验证临床试验",
        ["intra-articular"],
        id="d04-zh-intra-articular",
    ),
    pytest.param(
        "bone marrow mononuclear cells were administrated intravenously.",
        [IV],
        id="d07-administrated-intravenously",
    ),
    pytest.param(
        "Ten patients with established incomplete SCI received four subarachnoid administrations of 30 × 106 "
        "autologous bone marrow MSCs",
        [IT],
        id="d08-subarachnoid-not-SCI",
    ),
    pytest.param(
        "Following completion of surgical revascularization, BMSCs were directly injected into ischemic myocardium.",
        ["intramyocardial"],
        ["into ischemic myocardium"],
        id="d09-injected-into-myocardium",
    ),
    pytest.param(
        "the safety and feasibility of direct intramyocardial injection of autologous BMSCs",
        ["intramyocardial"],
        id="d09-intramyocardial",
    ),
    pytest.param(
        "MSCs were infused intravenously at a dose of 2 × 106 cells/kg",
        [IV, IV],
        ["infused", "intravenously"],
        id="d10-infused-intravenously",
    ),
    pytest.param(
        "To assess the safety and efficacy of 2 repeated intrathecal injections of autologous bone marrow–derived "
        "mesenchymal stem cells",
        [IT],
        id="d11-intrathecal-injections",
    ),
    pytest.param(
        "received a single 24-mL intralesional injection of darvadstrocel [120 × 106 cells].",
        ["intralesional"],
        id="d12-intralesional",
    ),
    pytest.param(
        "granulocyte colony-stimulating growth factor was injected subcutaneously at doses of 5 mg/kg/ day for 5 "
        "days.",
        [SC],
        id="d13-subcutaneously",
    ),
    pytest.param(
        "EPCs were implanted in the ischemic limb by intramuscular injections.",
        [IM],
        ["intramuscular injections"],
        id="d13-intramuscular-injections",
    ),
    pytest.param(
        "to assess the safety and efficacy of intravenous administration of Stempeucel versus placebo (multiple "
        "electrolytes injection).",
        [IV],
        id="d14-intravenous-administration",
    ),
    pytest.param(
        "randomly assigned to intraarticularly administered hyaluronic acid alone (control)",
        ["intra-articular"],
        id="d15-intraarticularly",
    ),
    pytest.param(
        "were instructed to take one packet of test food per day for 3 weeks.",
        [ORAL],
        ["take one packet"],
        id="d24-take-one-packet",
    ),
    pytest.param(
        "Seventytwo patients were treated with Fuhuang Tablets (4 tablets t.i.d. per os)",
        [ORAL, ORAL],
        ["4 tablets", "per os"],
        id="d25-per-os",
    ),
    pytest.param("疗程均为连续服药3 d。", [ORAL], id="d26-zh-take-medicine"),
    pytest.param(
        "receive a single intravenous infusion of tocilizumab (at a dose of 8 mg per kilogram of body weight)",
        [IV],
        id="d27-intravenous-infusion",
    ),
    pytest.param(
        "the efficacy and safety of once-weekly subcutaneous semaglutide 2.4\"‰mg versus placebo",
        [SC],
        id="d28-subcutaneous",
    ),
    pytest.param(
        "Características da sedação com infusão de dexmedetomidina e propofol",
        [IV],
        ["infusão"],
        id="d29-pt-infusao-de",
    ),
    pytest.param(
        "se compara la eficacia de la dexmedetomidina intranasal versus midazolam por vía oral",
        ["intranasal", ORAL],
        id="d30-es-intranasal-and-oral",
    ),
    pytest.param(
        "tranexamic acid (loading dose 1 g over 10 min followed by infusion of 1 g over 8 h) or placebo.",
        [IV],
        id="d31-infusion-of",
    ),
    pytest.param(
        "infused by slow intravenous injection over 10 min",
        [IV],
        ["intravenous injection"],
        id="d32-slow-intravenous-injection",
    ),
    pytest.param(
        "randomly assigned to intravitreal ranibizumab (0.3 or 0.5 mg; n = 51 each) or sham (n = 49).",
        ["intravitreal"],
        id="d33-intravitreal",
    ),
    pytest.param(
        "onabotulinumtoxinA 300 U (28) or placebo (29) via cystoscopic injection at 30 intradetrusor sites, sparing "
        "the trigone.",
        ["intravesical"],
        ["intradetrusor"],
        id="d34-intradetrusor-is-intravesical",
    ),
    pytest.param(
        "UC-MSC will be administered at 100x10^6 cells/infusion administered intravenously in addition to the "
        "standard of care treatment.",
        [IV],
        ["intravenously"],
        id="d36-cells-per-infusion",
    ),
    pytest.param("Interventions Drug: Oxytocin nasal spray", ["intranasal"], ["nasal spray"], id="d37-nasal-spray"),
    pytest.param(
        "Intranasal Oxytocin Treatment for Social Deficits in Children With Autism",
        ["intranasal"],
        id="d37-intranasal",
    ),
    pytest.param(
        "Intervention group: The drug group take one softgel for 90 days with lunch",
        [ORAL],
        ["take one softgel"],
        id="d38-take-one-softgel",
    ),
    pytest.param(
        "conditioning chemotherapy (fludarabine 30 mg/m\\^2 intravenously \\[IV\\] over 30 minutes and "
        "cyclophosphamide 500 mg/m\\^2 IV over 60 minutes)",
        [IV, IV],
        ["intravenously \\[IV\\]", "IV"],
        id="d40-escaped-brackets-and-dose-slot",
    ),
    # EBM-NLP abstracts: definitions, dotted and slot abbreviations.
    pytest.param(
        "also received CDDP 20 mg/m2 intravenous (IV) bolus on days 1 to 5 of each cycle.",
        [IV],
        ["intravenous (IV) bolus"],
        id="pmid_2405107-defined-bolus",
    ),
    pytest.param(
        "75 mg/m2 of doxorubicin intravenously (IV) every 3 weeks.",
        [IV],
        id="pmid_2468745-adverb-defined",
    ),
    pytest.param(
        "released to circulating blood after intravenous (i.v.) and subcutaneous (s.c.) injections of heparins",
        [IV, SC],
        ["intravenous (i.v.)", "subcutaneous (s.c.) injections"],
        id="pmid_10606880-dotted-definitions",
    ),
    pytest.param(
        "Single-dose oral granisetron (2 mg) and I.V. ondansetron (32 mg) resulted in equivalent levels",
        [ORAL, IV],
        ["oral", "I.V."],
        id="pmid_9469367-capital-dotted",
    ),
    pytest.param(
        "comparing oral megestrol acetate with depot intramuscular (i.m.) medroxyprogesterone acetate (MPA)",
        [ORAL, IM],
        id="pmid_12123333-oral-and-im",
    ),
    pytest.param(
        "received 9 million units alpha-2a IFN i.m. t.w. for 4 wk",
        [IM],
        ["i.m."],
        id="pmid_10235220-im-dotted",
    ),
    pytest.param(
        "Patients received dofequidar (900 mg PO) 30 minutes before each dose of doxorubicin.",
        [ORAL],
        ["PO"],
        id="pmid_17179098-PO-after-dose",
    ),
    pytest.param(
        "cyclophosphamide (100 mg orally [PO]) administered on day 1 through 14.",
        [ORAL],
        ["orally [PO]"],
        id="pmid_17179098-orally-bracket-PO",
    ),
    pytest.param(
        "for patients receiving interferon alpha-2b (IM and subcutaneously) and diathermocoagulation",
        [IM, SC],
        ["IM", "subcutaneously"],
        id="pmid_2761917-IM-and-subcutaneously",
    ),
    pytest.param(
        "Ovulation was randomly triggered (hCG 5000 IU, IM) when the leading follicle diameter ranged",
        [IM],
        id="pmid_22743137-IM-after-dose",
    ),
    pytest.param(
        "received HP-hMG 75 IU/day SC from cycle days 4 to 8",
        [SC],
        ["SC"],
        id="pmid_22743137-SC-after-dose",
    ),
    pytest.param(
        "acepromazine (0.02 mg/kg) and oxymorphone (0.05 mg/kg) were administered IV.",
        [IV],
        id="pmid_24564308-administered-IV",
    ),
    pytest.param(
        "UNLABELLED Propofol causes pain on IV injection in 28% -90% of patients.",
        [IV],
        ["IV injection"],
        id="pmid_14980919-IV-injection",
    ),
    pytest.param(
        "Intra-arterial fibrinolysis began significantly later than IV fibrinolysis",
        ["intra-arterial", IV],
        id="pmid_15798610-intra-arterial-vs-IV",
    ),
    pytest.param(
        "Intrathecal (IT) methotrexate was the sole central nervous system-directed therapy.",
        [IT],
        id="pmid_12531809-intrathecal-defined",
    ),
    pytest.param(
        "The second randomized assignment was for daily oral or weekly IV 6-mercaptopurine during consolidation.",
        [ORAL, IV],
        id="pmid_12531809-IV-before-drug",
    ),
    pytest.param(
        "Controlled clinical trial of IV cyclophosphamide versus IV methylprednisolone in severe neurological "
        "manifestations",
        [IV, IV],
        id="pmid_15769918-IV-before-drugs",
    ),
    pytest.param(
        "IV infusion of 10 mg/kg/h was continued for 3h following completion on the second side.",
        [IV],
        ["IV infusion"],
        id="pmid_25659440-IV-infusion",
    ),
    pytest.param(
        "IM injection of erythromycin increased abomasal emptying rate in dairy calves",
        [IM],
        id="pmid_18289310-IM-injection",
    ),
    pytest.param(
        "modified release dipyridamole (200 mg b.i.d. p.o., n=198) or corresponding placebo",
        [ORAL],
        ["p.o."],
        id="pmid_11549300-po-after-bid",
    ),
    pytest.param(
        "Defibrotide at a dose of 400 mg b.i.d. i.v. in 50 ml phleboclysis in 5 minutes",
        [IV],
        ["i.v."],
        id="pmid_3287226-iv-after-bid",
    ),
    pytest.param(
        "(Regimen C: MMC 12 mg/m2 i.v. at operation day and 6 mg/m2 in every 2 months +UFT 600 mg/day p.o.",
        [IV, ORAL],
        id="pmid_2508567-iv-and-po",
    ),
    pytest.param(
        "plus GM-CSF 10 micrograms kg-1 s.c. starting from day 4",
        [SC],
        ["s.c."],
        id="pmid_8297739-sc-dotted",
    ),
    pytest.param(
        "who were scheduled for stem cell transplantation via lumbar puncture under anesthesia",
        [IT],
        ["via lumbar puncture"],
        id="pmid_24225126-via-lumbar-puncture",
    ),
    pytest.param(
        "[Comparative study between 5% prilocaine and 2% mepivacaine by the subarachnoid route in transurethral "
        "resections].",
        [IT],
        ["subarachnoid route"],
        id="pmid_10902449-subarachnoid-route",
    ),
    pytest.param(
        "Single-dose fluconazole (150 mg) administered orally in capsule form was compared",
        [ORAL],
        id="pmid_1302807-orally",
    ),
    pytest.param(
        "One hundred patients received 1 gm of erythromycin base by mouth per day for 4 weeks",
        [ORAL],
        ["by mouth"],
        id="pmid_2936772-by-mouth",
    ),
    pytest.param(
        "The effects of acute administration per os of 30 mg camazepam",
        [ORAL],
        id="pmid_6146112-per-os",
    ),
    pytest.param(
        "Subjects took one tablet daily and rinsed twice daily for 1 min with the mouthwash.",
        [ORAL],
        ["took one tablet"],
        id="pmid_7007454-took-one-tablet",
    ),
    pytest.param(
        "received only fluoxetine 20 mg/day (1 capsule) for a week which was later increased to 40 mg/day "
        "(2 capsules).",
        [ORAL, ORAL],
        id="pmid_11196396-counted-capsules",
    ),
    pytest.param(
        "Twenty patients were treated with intranasal Bdp and twenty patients received no treatment",
        ["intranasal"],
        id="pmid_6753091-intranasal",
    ),
    pytest.param(
        "were randomly assigned to receive nasal sprays of recombinant alfa-2b interferon",
        ["intranasal"],
        ["nasal sprays"],
        id="pmid_2834996-nasal-sprays",
    ),
    pytest.param(
        "Vaccine was administered intranasally at time 0 and 2 and 4 months later.",
        ["intranasal"],
        id="pmid_8169405-intranasally",
    ),
    pytest.param(
        "A comparison of the systemic bioactivity of inhaled budesonide and fluticasone propionate",
        ["respiratory"],
        id="pmid_7888291-inhaled",
    ),
    pytest.param(
        "Patients were randomly assigned to treatment (n = 61) with aerosolized pentamidine once every month",
        ["respiratory"],
        id="pmid_7946102-aerosolized",
    ),
    pytest.param(
        "All patients received nebulized salbutamol at 0.15 mg/kg every 4 hours",
        ["respiratory"],
        id="pmid_9042119-nebulized",
    ),
    pytest.param(
        "the comparative efficacy and safety of intra-articular (i/a) triamcinolone.",
        ["intra-articular"],
        ["intra-articular (i/a)"],
        id="pmid_8689462-intra-articular-defined",
    ),
    pytest.param(
        "There is controversy about efficacy of intraarticular morphine after shoulder arthroscopy.",
        ["intra-articular"],
        id="pmid_11013775-intraarticular",
    ),
    pytest.param(
        "BACKGROUND Combined intracoronary and intramyocardial administration might improve outcomes",
        ["intracoronary", "intramyocardial"],
        id="pmid_19002124-intracoronary-and-intramyocardial",
    ),
    pytest.param(
        "were randomised to receive intracoronary injection of mBMCs (n = 50) or not (n = 50).",
        ["intracoronary"],
        id="pmid_19833610-intracoronary-injection",
    ),
    pytest.param(
        "isovolemic hemodilution (IH) with prompt versus deferred intravitreal injections (IVI) of ranibizumab",
        ["intravitreal"],
        id="pmid_25502833-intravitreal-injections",
    ),
    pytest.param(
        "30 mg of THP dissolved in 50 ml saline was administered 4 times intravesically for 4 consecutive days",
        ["intravesical"],
        id="pmid_16119805-intravesically",
    ),
    pytest.param(
        "Treatment of bladder cancer with intravesical instillation of adriamycin.",
        ["intravesical"],
        id="pmid_6390445-intravesical-instillation",
    ),
    pytest.param(
        "Three methods of treating chalazia were compared: intralesional triamcinolone acetonide injections",
        ["intralesional"],
        id="pmid_17997772-intralesional",
    ),
    pytest.param(
        "receiving 50 U/kg of unfractionated heparin (maximal dose 5,000 U) intravenously, and an intra-arterial "
        "group (n = 250) receiving the same dose intra-arterially.",
        [IV, "intra-arterial", "intra-arterial"],
        id="pmid_19801029-intra-arterially",
    ),
    pytest.param(
        "42 patients given an intradermal injections of OK-432.",
        ["intradermal"],
        id="pmid_3503390-intradermal",
    ),
    pytest.param(
        "Intraperitoneal application of bupivacaine plus morphine for pain relief after laparoscopic "
        "cholecystectomy.",
        ["intraperitoneal"],
        id="pmid_14649341-intraperitoneal",
    ),
    pytest.param(
        "The use of BCG administered intraperitoneally in a randomized study",
        ["intraperitoneal"],
        id="pmid_6850464-intraperitoneally",
    ),
    pytest.param(
        "we compared the effect of epidural analgesia and IV morphine patient-controlled analgesia (PCA)",
        ["epidural", IV],
        id="pmid_11561265-epidural-and-IV",
    ),
    pytest.param(
        "[The effect of thoracic peridural analgesia on the cortisol and glucose response",
        ["epidural"],
        id="pmid_3353525-peridural",
    ),
    pytest.param(
        "maintains normothermia during combined epidural-general anesthesia for hip and knee arthroplasty.",
        ["epidural"],
        id="pmid_9278836-epidural-hyphen",
    ),
    pytest.param(
        "Experimental group (n = 15) received a topical application of doxymycine",
        ["topical"],
        id="pmid_9084194-topical-application",
    ),
    pytest.param(
        "22 patients with alopecia areata to whom either DNCB or croton oil was applied topically.",
        ["topical"],
        id="pmid_7259216-topically",
    ),
    pytest.param(
        "BACKGROUND Transdermal nicotine therapy has shown promise as a smoking cessation aid",
        ["transdermal"],
        id="pmid_1593244-transdermal",
    ),
    pytest.param(
        "may be modulated by quitting cigarettes and switching to nicotine patches",
        ["transdermal"],
        ["nicotine patches"],
        id="pmid_8964113-nicotine-patches",
    ),
    pytest.param(
        "CONCLUSIONS Sublingual fentanyl ODT was efficacious and well-tolerated",
        ["sublingual"],
        id="pmid_19814586-sublingual",
    ),
    pytest.param(
        "OBJECTIVE To assess the efficacy of buccal misoprostol to decrease bleeding after vaginal delivery.",
        ["buccal"],
        ["buccal misoprostol"],
        id="pmid_15572491-buccal-not-vaginal-delivery",
    ),
    pytest.param(
        "Rectally administered midazolam (0.35 mg/kg) and diazepam (0.70 mg/kg) were compared",
        ["rectal"],
        id="pmid_8478759-rectally",
    ),
    pytest.param(
        "Group 2 received diclofenac suppository 3 mg/kg postinduction",
        ["rectal"],
        id="pmid_16108749-suppository",
    ),
    pytest.param(
        "randomly assigned to receive vaginally administered misoprostol (prostaglandin E1) or the dinoprostone "
        "(prostaglandin E2) vaginal insert.",
        ["vaginal", "vaginal"],
        id="pmid_9322632-vaginally-and-insert",
    ),
    pytest.param(
        "were treated for 4 months with HT plus vaginal estriol 0.5 mg/day (group E) or placebo",
        ["vaginal"],
        id="pmid_15653006-vaginal-estriol",
    ),
    pytest.param(
        "Comparative evaluation of olopatadine ophthalmic solution (0.1%) versus ketorolac ophthalmic solution",
        ["ophthalmic", "ophthalmic"],
        id="pmid_10337433-ophthalmic-solution",
    ),
    pytest.param(
        "randomly assigned to treatment with 0.3% ofloxacin eyedrops, BID or QID, for 10 days.",
        ["ophthalmic"],
        id="pmid_9474454-eyedrops",
    ),
    pytest.param(
        "A randomized trial of continuous subcutaneous insulin infusion and intensive injection therapy",
        [SC],
        ["subcutaneous"],
        id="pmid_12401759-CSII-is-not-intravenous",
    ),
    pytest.param(
        "Continuous infusion of ranitidine at 6.25 mg / hr (n = 9)",
        [IV],
        id="pmid_8917026-continuous-infusion",
    ),
    pytest.param(
        "remifentanil at the infusion rate of 0.05 ?g/kg/min provides an effective",
        [IV],
        id="pmid_23839319-infusion-rate",
    ),
    pytest.param(
        "Satraplatin is a novel oral platinum (IV) complex that shows activity",
        [ORAL],
        ["oral"],
        id="pmid_15741753-platinum-IV-is-no-route",
    ),
]


def _as_triples(params: list) -> list:
    """Normalize (text, routes[, evidence]) params to three values."""
    out = []
    for p in params:
        values = p.values if len(p.values) == 3 else (*p.values, None)
        out.append(pytest.param(*values, id=p.id, marks=p.marks))
    return out


@pytest.mark.parametrize(("text", "routes", "evidence"), _as_triples(REAL_POSITIVE))
def test_real_positive(text: str, routes: list[str], evidence: list[str] | None) -> None:
    _check(text, routes, evidence)


# ---------------------------------------------------------------------------
# Negative cases from real documents: false routes.
# ---------------------------------------------------------------------------

REAL_NEGATIVE = [
    pytest.param(
        "Chemotherapy of advanced gastric carcinoma (stage IV): a randomized study",
        id="pmid_3103932-stage-IV",
    ),
    pytest.param(
        "The only grade IV toxicity observed was neutropenia (two patients per group).",
        id="pmid_10360656-grade-IV",
    ),
    pytest.param(
        "Major grade II-IV toxicities included: neutropenia, nausea, vomiting and alopecia.",
        id="pmid_19062727-grade-II-IV",
    ),
    pytest.param(
        "The incidence of grade III-IV acute GVHD was higher in the ATG-6 group",
        id="pmid_24292519-grade-III-IV",
    ),
    pytest.param(
        "Fifty-two patients with Fredrickson Type IIb or Type IV hyperlipidaemia", id="pmid_3803417-type-IV"
    ),
    pytest.param(
        "congestive heart failure (New York Heart Association stage II to IV) by comparing",
        id="pmid_17472664-stage-II-to-IV",
    ),
    pytest.param(
        "OBJECTIVES The ENDEAVOR IV (Randomized Comparison of Zotarolimus-Eluting and Paclitaxel-Eluting Stents",
        id="pmid_20152559-trial-name",
    ),
    pytest.param("a subanalysis of the randomized CML-Study IV.", id="pmid_24658964-study-IV"),
    pytest.param("moderate to severe depression, based on DSM-IV criteria", id="pmid_17331237-DSM-IV"),
    pytest.param(
        "group II received lidocaine 2% (40 mg), and groups III and IV received thiopental 0.25 mg / kg",
        id="pmid_14980919-groups-III-and-IV",
    ),
    pytest.param(
        "(I [n = 861], 0.6%; II [n = 1151], 2.3%; III [n =698], 4.3%; IV [n = 120], 20.0%).",
        id="pmid_8892490-class-IV-count",
    ),
    pytest.param(
        "Increasing DDGS increased jowl iodine value (IV), but the magnitude was greater",
        id="pmid_25070364-iodine-value",
    ),
    pytest.param(
        "derived from human plasma (Excyte IV; Miles Diagnostics, Kankakee, Illinois)",
        id="pmid_8589555-product-name",
    ),
    pytest.param(
        "Patient randomization was stratified by stage (III/IV) and site (oral cavity, oropharynx",
        id="pmid_3550340-stage-and-oral-cavity",
    ),
    pytest.param("treatment in an IVF programme.", id="pmid_2108990-IVF"),
    pytest.param(
        "An oral glucose tolerance test including measurement of insulin response was performed",
        id="pmid_1833682-OGTT",
    ),
    pytest.param("Oral mucositis was analyzed using the unadjusted chi-square test", id="pmid_10850381-oral-mucositis"),
    pytest.param(
        "tongue-scraping, chlorhexidine treatment, and oral hygiene instructions",
        id="pmid_3475309-oral-hygiene",
    ),
    pytest.param("BACKGROUND Tobacco use adversely affects oral health.", id="pmid_21320312-oral-health"),
    pytest.param("radiotherapy vs. trans-oral robotic surgery (ORATOR)", id="pmid_23514246-trans-oral"),
    pytest.param(
        "two oscillating/rotating/pulsating toothbrushes (Oral-B ProfessionalCare 7000 [PC 7000]",
        id="pmid_16208798-brand",
    ),
    pytest.param(
        "In the IT group, diabetes treatment is optimised through guidelines", id="pmid_19435491-IT-intensive-treatment"
    ),
    pytest.param(
        "randomly assigned to an immediate treatment (IT; n = 17) or 3-month waitlist (WL; n = 23) condition.",
        id="pmid_20508979-IT-immediate-treatment",
    ),
    pytest.param("SC patients more often had continuing oozing.", id="pmid_18307223-SC-StarClose"),
    pytest.param("did not receive skin anesthetic before (99m) Tc-SC injections", id="pmid_25342184-Tc-SC"),
    pytest.param("tumor oxygenation measurements with Eppendorf PO2 histographs", id="pmid_12738312-PO2"),
    pytest.param("the transcutaneous oxygen pressure (tc-PO2) was measured continuously.", id="pmid_2195532-tc-PO2"),
    pytest.param("improves PFS compared with PO RT and NCHT or PO RT and AHT", id="pmid_12743142-PO-prostate-only"),
    pytest.param(
        "whether ischemic preconditioning (IP) enhances myocardial performance",
        id="pmid_11948051-IP-preconditioning",
    ),
    pytest.param(
        "between diet type, intestinal permeability (IP) ('leaky gut '), and behavior",
        id="pmid_24564346-IP-permeability",
    ),
    pytest.param(
        "When compared to the IM and C Groups, the ID Group showed improved survival.",
        id="pmid_3503390-group-labels",
    ),
    pytest.param("TRIAL REGISTRATION Clinical Trials.gov ID: NCT00875173", id="pmid_25284194-registry-ID"),
    pytest.param("we recruited 187 AUDIT-positive (> 8) active injection drug users.", id="pmid_12084138-drug-users"),
    pytest.param(
        "The average interval from start of induction to vaginal delivery was 1 hour shorter",
        id="pmid_9322632-vaginal-delivery",
    ),
    pytest.param(
        "reduction in bleeding per rectum, and overall patient satisfaction score.",
        id="pmid_17312647-bleeding-per-rectum",
    ),
    pytest.param(
        "the risks of recurrent subarachnoid haemorrhage and death or dependency",
        id="pmid_25465111-subarachnoid-haemorrhage",
    ),
    pytest.param(
        "Intrathecal immunoactivation in patients with HIV-1 infection is reduced by zidovudine",
        id="pmid_8893393-intrathecal-immunoactivation",
    ),
    pytest.param(
        "Neither training nor intramuscular glycogen levels had an effect",
        id="pmid_16099893-intramuscular-glycogen",
    ),
    pytest.param(
        "calf blood flow and subcutaneous blood flow were measured at baseline",
        id="pmid_8277075-subcutaneous-blood-flow",
    ),
    pytest.param(
        "in the skin layers (epidermis, dermis and subcutaneous layers) on 1, 7 and 14-day exposures.",
        id="pmid_14995965-subcutaneous-layers",
    ),
    pytest.param(
        "Abdominal s.c. and visceral adipose tissues were measured using computed tomography.",
        id="pmid_16381993-sc-adipose",
    ),
    pytest.param(
        "Physiologic modeling of the intravenous glucose tolerance test in type 2 diabetes",
        id="pmid_11319711-IVGTT",
    ),
    pytest.param(
        "during intravenous urography of the ionic contrast medium sodium iothalamate",
        id="pmid_3180669-urography",
    ),
    pytest.param("receiving fat emulsion through separate intravenous access.", id="pmid_16232016-intravenous-access"),
    pytest.param(
        "The saline solution load test helps to determine if a wound extends into the knee joint.",
        id="pmid_19122080-into-the-knee-joint",
    ),
    pytest.param(
        "had positive CSF cultures on day 1 follow-up lumbar punctures",
        id="pmid_404962-diagnostic-lumbar-puncture",
    ),
    pytest.param("Intervention shortens the time of intravenous rehydration.", id="d35-intravenous-rehydration"),
    pytest.param(
        "There were no infusion-related reactions or study-related adverse events",
        id="d02-infusion-related-reactions",
    ),
    pytest.param("grade I-II in three patients and grade III-IV in nine patients", id="d10-grade-III-IV"),
    pytest.param("offers new hope for patients suffering from spinal cord injury (SCI).", id="d08-SCI"),
    pytest.param("The primary outcomes were 7-day post-injection adverse reactions", id="d23-post-injection"),
    pytest.param("patients with nasal congestion.", id="pmid_9788685-nasal-congestion"),
    pytest.param("or IV fluid alone.", id="pmid_16360994-IV-fluid"),
    pytest.param(
        "Prospective comparison of nasal versus oral insertion of a thin video endoscope in healthy volunteers.",
        id="pmid_8858230-endoscope-insertion",
    ),
]


@pytest.mark.parametrize("text", REAL_NEGATIVE)
def test_real_negative(text: str) -> None:
    _check(text, [])


# ---------------------------------------------------------------------------
# Real cases we knowingly get wrong.
# ---------------------------------------------------------------------------

KNOWN_MISSES = [
    pytest.param(
        "after prophylactic administration of intravenous fluids or vasoconstrictors.",
        [IV],
        marks=pytest.mark.xfail(
            reason="'intravenous fluids' is read as rescue/outcome, even as the intervention", strict=True
        ),
        id="pmid_9706929-iv-fluids-as-intervention",
    ),
    pytest.param(
        "Fifteen minutes later (before IoA), each dog received treatment IV with propofol, K-P, or K-D.",
        [IV],
        marks=pytest.mark.xfail(reason="IV after 'treatment' is no route slot", strict=True),
        id="pmid_24564308-treatment-IV-with",
    ),
    pytest.param(
        "The present study investigated the effects of oral ENT administration on food intake",
        [ORAL],
        marks=pytest.mark.xfail(reason="ENT (entacapone) is read as ear-nose-throat", strict=True),
        id="pmid_12844393-oral-ENT",
    ),
    pytest.param(
        "whether intravenous PPI followed by oral administration is more efficient as prophylaxis than oral-only "
        "administration.",
        [IV, ORAL, ORAL],
        marks=pytest.mark.xfail(reason="'oral-only' is not read", strict=True),
        id="pmid_23092665-oral-only",
    ),
    pytest.param(
        "Fluticasone propionate, an inhaled corticosteroid with negligible systemic bioavailability via the oral route",
        ["respiratory"],
        marks=pytest.mark.xfail(reason="a pharmacokinetic 'oral route' is taken for the trial's route", strict=True),
        id="pmid_9109702-pk-oral-route",
    ),
    pytest.param(
        "the first prospective randomized clinical trial using high-dose cell therapy delivered via a retrograde "
        "coronary sinus infusion in patients with heart failure.",
        [],
        marks=pytest.mark.xfail(reason="coronary sinus infusion has no SPEC route; read as intravenous", strict=True),
        id="pmid_26217065-coronary-sinus",
    ),
]


@pytest.mark.parametrize(("text", "routes"), KNOWN_MISSES)
def test_known_misses(text: str, routes: list[str]) -> None:
    _check(text, routes)


# ---------------------------------------------------------------------------
# Constructed cases: phrasings from the issue that no source holds.
# ---------------------------------------------------------------------------

CONSTRUCTED_POSITIVE = [
    pytest.param("cells were administered intravenously", [IV], ["intravenously"], id="constructed-adverb"),
    pytest.param("methotrexate 12 mg i.t. on day 1", [IT], ["i.t."], id="constructed-it-dotted"),
    pytest.param("given by IT injection on day 8", [IT], ["IT injection"], id="constructed-by-IT-injection"),
    pytest.param(
        "IT administration was repeated monthly", [IT], ["IT administration"],
        id="constructed-IT-administration",
    ),
    pytest.param("the IV and IT routes were combined", [IV, IT], id="constructed-IV-and-IT"),
    pytest.param("pembrolizumab was given via IV every 3 weeks", [IV], ["IV"], id="constructed-via-IV"),
    pytest.param("trastuzumab 8 mg/kg IV q4w", [IV], ["IV"], id="constructed-dose-q4w"),
    pytest.param("0.5 mg/kg IV", [IV], id="constructed-per-kg"),
    pytest.param("a 300 mg IV loading dose", [IV], id="constructed-300-mg"),
    pytest.param("ondansetron 4 mg [IV] at induction", [IV], ["IV"], id="constructed-bracket"),
    pytest.param("an IV bolus of 2 mg", [IV], ["IV bolus"], id="constructed-IV-bolus"),
    pytest.param("insulin glargine given SC at bedtime", [SC], ["SC"], id="constructed-given-SC"),
    pytest.param("daily SC injection of enoxaparin", [SC], ["SC injection"], id="constructed-SC-injection"),
    pytest.param("heparin 5000 units subcut. twice daily", [SC], ["subcut."], id="constructed-subcut"),
    pytest.param("vitamin B12 given IM monthly", [IM], id="constructed-given-IM"),
    pytest.param(
        "0.1 mL of vaccine was given i.d. in the deltoid", ["intradermal"], ["i.d."],
        id="constructed-id-dotted",
    ),
    pytest.param("5 mg/kg i.p. on day 1", ["intraperitoneal"], id="constructed-ip-dotted"),
    pytest.param("enzyme was given by ICV infusion every 14 days", ["intracerebroventricular"], id="constructed-ICV"),
    pytest.param(
        "intracerebroventricular (ICV) administration", ["intracerebroventricular"],
        id="constructed-ICV-defined",
    ),
    pytest.param(
        "intracerebral implantation of autologous stem cells", ["intracerebral"],
        id="constructed-intracerebral",
    ),
    pytest.param("intratumoral injection of the oncolytic virus", ["intratumoral"], id="constructed-intratumoral"),
    pytest.param("intracardiac injection of adrenaline", ["intracardiac"], id="constructed-intracardiac"),
    pytest.param(
        "MSCs were injected into the knee joint", ["intra-articular"], ["into the knee joint"],
        id="constructed-into-knee-joint",
    ),
    pytest.param("intravitreous injection of gas", ["intravitreal"], id="constructed-intravitreous"),
    pytest.param("one capsule taken twice daily", [ORAL], id="constructed-capsule-taken"),
    pytest.param(
        "after oral administration of 50 mg", [ORAL], ["oral administration"],
        id="constructed-oral-administration",
    ),
    pytest.param("use of oral contraceptives", [ORAL], id="constructed-oral-contraceptive"),
    pytest.param("paracetamol given per rectum", ["rectal"], id="constructed-per-rectum"),
    pytest.param("rectal indomethacin before ERCP", ["rectal"], id="constructed-rectal-drug"),
    pytest.param("a single IVIG infusion", [IV], ["IVIG infusion"], id="constructed-IVIG-infusion"),
    pytest.param("infused with saline over 2 h", [IV], ["infused"], id="constructed-infused-with"),
    pytest.param(
        "intrathecal infusion of baclofen", [IT], ["intrathecal infusion"],
        id="constructed-intrathecal-infusion",
    ),
    pytest.param("infusión de propofol", [IV], id="constructed-es-infusion"),
]


@pytest.mark.parametrize(("text", "routes", "evidence"), _as_triples(CONSTRUCTED_POSITIVE))
def test_constructed_positive(text: str, routes: list[str], evidence: list[str] | None) -> None:
    _check(text, routes, evidence)


CONSTRUCTED_NEGATIVE = [
    pytest.param("Die Patienten im Vergleich zur Kontrolle erhielten Insulin im Rahmen der Studie.",
                 id="constructed-german-im"),
    pytest.param("Es gab im MRT keine Befunde.", id="constructed-german-im-abbreviation"),
    pytest.param("The aims were (i) to assess safety, (ii) to assess tolerability and (iv) to assess dose.",
                 id="constructed-enumeration-iv"),
    pytest.param("Patients were asked (iv) injection site pain questions", id="constructed-enumeration-iv-injection"),
    pytest.param("a phase IV study", id="constructed-phase-IV"),
    pytest.param("NYHA class IV heart failure", id="constructed-class-IV"),
    pytest.param("type IV collagen", id="constructed-type-IV"),
    pytest.param("Phase I/II/III/IV trials", id="constructed-phase-list"),
    pytest.param("the need for IV fluids was recorded", id="constructed-need-for-IV-fluids"),
    pytest.param("IVIG was given to 12 patients", id="constructed-IVIG-drug-name"),
    pytest.param("an oral presentation at the congress", id="constructed-oral-presentation"),
    pytest.param("a topical review of the literature", id="constructed-topical-review"),
    pytest.param("the IT department maintained the database", id="constructed-IT-department"),
    pytest.param("it was given to all patients", id="constructed-it-pronoun"),
    pytest.param("patients with SC injury", id="constructed-SC-injury"),
    pytest.param("Study subject ID and patient ID were masked", id="constructed-ID"),
    pytest.param("the IP address of each site", id="constructed-IP-address"),
    pytest.param("IM Smith and JK Lee reviewed the charts", id="constructed-IM-initials"),
    pytest.param("nasal polyps were graded", id="constructed-nasal-polyps"),
    pytest.param("patients with rectal cancer", id="constructed-rectal-cancer"),
    pytest.param("a full ophthalmic examination", id="constructed-ophthalmic-examination"),
    pytest.param("lesions of the buccal mucosa", id="constructed-buccal-mucosa"),
    pytest.param("intracerebral hemorrhage volume", id="constructed-intracerebral-hemorrhage"),
    pytest.param("intracranial pressure was monitored", id="constructed-intracranial-pressure"),
    pytest.param("CSF was obtained by lumbar puncture", id="constructed-diagnostic-lumbar-puncture"),
    pytest.param("intrathecal IgG synthesis", id="constructed-intrathecal-IgG"),
    pytest.param("subcutaneous fat thickness", id="constructed-subcutaneous-fat"),
    pytest.param("the sublingual microcirculation", id="constructed-sublingual-microcirculation"),
    pytest.param("epidural hematoma after surgery", id="constructed-epidural-hematoma"),
    pytest.param("intratumoral heterogeneity", id="constructed-intratumoral-heterogeneity"),
    pytest.param("smoke inhalation injury", id="constructed-smoke-inhalation"),
    pytest.param("herbal tea infusion", id="constructed-herbal-infusion"),
    pytest.param("dosed b.i.d. with food", id="constructed-bid"),
    pytest.param("a 4.6 mm i.d. column", id="constructed-inner-diameter"),
    pytest.param("time to oral intake after surgery", id="constructed-oral-intake"),
    pytest.param("the IV group", id="constructed-undefined-IV-group"),
]


@pytest.mark.parametrize("text", CONSTRUCTED_NEGATIVE)
def test_constructed_negative(text: str) -> None:
    _check(text, [])


# ---------------------------------------------------------------------------
# Abbreviations count where the text defines them, and only there.
# ---------------------------------------------------------------------------


def test_bare_abbreviation_needs_a_definition() -> None:
    bare = "IFN-alpha-2b SC was begun on week 4 and continued thrice weekly at 5 MU/m2 for 2 years."
    _check(bare, [])  # pmid_17513813, alone
    defined = "Active specific immunotherapy was injected subcutaneously (SC) weekly for 4 weeks. " + bare
    _check(defined, [SC, SC], ["subcutaneously (SC)", "SC"])


def test_definition_of_another_meaning_does_not_count() -> None:
    # pmid_19435491: IT is "intensive treatment" there, not intrathecal.
    text = "screening followed by intensive treatment (IT) and screening plus routine care (RC). In the IT group"
    _check(text, [])


def test_defined_IV_is_still_no_roman_numeral() -> None:
    text = "patients received intravenous (IV) cisplatin; 20 had stage IV disease and the IV arm did better"
    _check(text, [IV, IV], ["intravenous (IV)", "IV"])


# ---------------------------------------------------------------------------
# Rules are data: every rule proves itself on its example.
# ---------------------------------------------------------------------------

_RULE_FILE = load_patterns("routes") + load_patterns("zh/routes")


@pytest.mark.parametrize("rule", _RULE_FILE, ids=[r["id"] for r in _RULE_FILE])
def test_rule_example(rule: dict) -> None:
    found = find_routes(rule["example"])
    assert [m.route for m in found] == rule["expect"]
    assert rule["id"] in {m.rule for m in found}
    assert rule["label"] in ROUTES


def test_every_label_is_a_spec_route() -> None:
    assert len(ROUTES) == 31
    assert {r["label"] for r in _RULE_FILE} <= ROUTES
    # The list of routes, each with at least one rule.
    for route in (
        "intravenous", "intrathecal", "intraspinal", "intramuscular", "subcutaneous", "oral", "intranasal",
        "respiratory", "intra-articular", "intramyocardial", "intracoronary", "intravitreal", "intravesical",
        "intralesional", "intra-arterial", "intracerebroventricular", "intracerebral", "intradermal",
        "intraperitoneal", "epidural", "intratumoral", "intracardiac", "topical", "transdermal", "sublingual",
        "buccal", "rectal", "vaginal", "ophthalmic",
    ):  # fmt: skip
        assert any(r["label"] == route for r in _RULE_FILE), route


_GOOD = {
    "id": "t",
    "label": "oral",
    "pattern": r"\borally\b",
    "cues": ["orally"],
    "example": "given orally",
    "expect": ["oral"],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"colour": "red"}, "unknown keys", id="unknown-key"),
        pytest.param({"label": "per-oral"}, "not a route", id="label-outside-spec"),
        pytest.param({"pattern": r"(orally"}, "bad pattern", id="bad-regex"),
        pytest.param({"pattern": r"(or)ally"}, "only the named groups", id="capturing-group"),
        pytest.param({"pattern": r"{{NOPE}}"}, "unknown macro", id="unknown-macro"),
        pytest.param({"cues": ["Orally"]}, "case_sensitive", id="cased-cue-in-caseless-rule"),
        pytest.param({"cues": []}, "cues", id="no-cues"),
        pytest.param({"expect": ["per os"]}, "expect", id="expect-outside-spec"),
        pytest.param({"window": 10}, "window", id="window-without-context"),
        pytest.param({"abbrev": "yes"}, "true or false", id="abbrev-not-bool"),
    ],
)
def test_bad_rule_fails_at_load(change: dict, message: str) -> None:
    with pytest.raises(PatternError, match=message):
        _compile({**_GOOD, **change}, 0)


def test_good_rule_compiles() -> None:
    rule = _compile(_GOOD, 0)
    assert rule.label == "oral" and rule.pattern.search("given orally")


# ---------------------------------------------------------------------------
# Shape of the output.
# ---------------------------------------------------------------------------


def test_match_fields_and_rules() -> None:
    text = "concurrently intrathecally (IT) and intravenously (IV), with one-month interval"
    found = find_routes(text)
    assert found == [
        RouteMatch(route=IT, start=13, end=31, rule="it_word"),
        RouteMatch(route=IV, start=36, end=54, rule="iv_adverb"),
    ]


def test_sorted_and_not_overlapping() -> None:
    text = (
        "intravenous (IV) and intrathecal (IT) MSCs (IT + IV); IV infusion of 1 g over 8 h, then 500 mg PO daily "
        "and oral or IV 6-mercaptopurine"
    )
    found = find_routes(text)
    assert [m.route for m in found] == [IV, IT, IT, IV, IV, ORAL, ORAL, IV]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("text", ["", " ", "\n\n", "IV", "i.v", "intra", "\x00", "(((", "IV " * 2000])
def test_degenerate_input(text: str) -> None:
    found = find_routes(text)
    assert all(0 <= m.start < m.end <= len(text) for m in found)


# ---------------------------------------------------------------------------
# The 1,999 EBM-NLP abstracts: no crash, sane offsets, cues change nothing.
# ---------------------------------------------------------------------------


@pytest.mark.skipif(not _ABSTRACTS.exists(), reason="EBM-NLP corpus not available")
def test_all_abstracts_run() -> None:
    count = 0
    with _ABSTRACTS.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            found = find_routes(text)
            for m in found:
                assert m.route in ROUTES
                assert 0 <= m.start < m.end <= len(text)
            assert all(a.end <= b.start for a, b in zip(found, found[1:]))
            # The cues only skip rules that cannot match.
            assert found == _find_without_cues(text)
            count += len(found)
    # About 1,650 mentions in 556 abstracts; a collapse of the rules shows here.
    assert 1400 < count < 2000
