"""Attendance lists: who was present, sent apologies, visited or served as an officer.

Every council and person here is invented for these tests.
"""

from __future__ import annotations

from pathlib import Path

import scrutinykit as sk


def _names(people: tuple[sk.Person, ...] | None) -> list[str]:
    return [p.name for p in people or ()]


_IN_ATTENDANCE = """\
Minutes of the meeting of the Brackenfold Area Committee held in the Guild Room
on Monday 3 March 2025 at 2.00 pm.

Present:

Mr Tobias Quenby
Mrs Ada Pellinore (remote)

In Attendance:

Ms Noor Halberd, Ward Manager
Mr Evan Thistlewood, Roads Operations Manager
Sergeant Pia Grennock, Exampleshire Police
Councillor Rafe Dunmoor, Cabinet Member for Parks and Open Spaces

Mr Tobias Quenby in the Chair

Business

1. Apologies for Absence

There were no apologies.
"""


def test_in_attendance_is_split_into_officers_and_visitors() -> None:
    """Staff with a job title are officers; councillors and outside people are visitors."""
    att = sk.parse(_IN_ATTENDANCE).attendance
    assert _names(att.present) == ["Mr Tobias Quenby", "Mrs Ada Pellinore"]
    assert _names(att.officers) == ["Ms Noor Halberd", "Mr Evan Thistlewood"]
    assert _names(att.also_attending) == ["Sergeant Pia Grennock", "Rafe Dunmoor"]
    dunmoor = att.also_attending[1]
    assert dunmoor.description == "Cabinet Member for Parks and Open Spaces"


_FOLDED = """\
Marlow Fen District Council

Overview Panel

Minutes of a meeting held on 4th June, 2025.

Present:  Councillor A.B. Fairhaven (Chairman); Councillors Mrs. C. Oddie and D.E. Lantern.

Co-opted Members:  Mr. F. Gorse (Parent Governor – Primary Sector) and Ms. G. Heath (Church in Wales).

Also present:  Councillor H. Wendle (Cabinet Member for Learning).

Councillor Ivo Pratchley attended the meeting as a non-panel member.

The panel met at Fen House, Mill Lane, Marlow Fen.

12     MINUTES -

RESOLVED - That the minutes of the meeting held on 7th May, 2025 be approved.
"""


def test_labels_inside_a_folded_block_start_their_own_lists() -> None:
    """ "Co-opted Members:" and "Also present:" start new lists; a sentence is not a list of names."""
    att = sk.parse(_FOLDED).attendance
    assert _names(att.present) == ["A.B. Fairhaven", "Mrs. C. Oddie", "D.E. Lantern"]
    assert _names(att.co_optees) == ["Mr. F. Gorse", "Ms. G. Heath"]
    assert _names(att.also_attending) == ["H. Wendle", "Ivo Pratchley"]
    assert "Mill Lane" not in _names(att.present)


_ROLES_ONLY = """\
Harrowdene Borough Council

Scrutiny Committee

Minutes of the meeting held on Tuesday 9 September 2025 at 7.00 p.m.

Present:
Councillor Jem Arbery (Chair)
Deputy Lys Holloway

Officers in attendance:
Head of Housing and Communities
Customer Services Manager
Scrutiny and Democratic Services Officer

REVIEW OF FEES

1. Apologies

Apologies for absence were received from Councillor Nye Barrowclough.
"""


def test_officers_given_by_role_keep_the_whole_role() -> None:
    """A role with "and" in it is one officer; a heading after the list is not an officer."""
    att = sk.parse(_ROLES_ONLY).attendance
    assert _names(att.officers) == [
        "Head of Housing and Communities",
        "Customer Services Manager",
        "Scrutiny and Democratic Services Officer",
    ]
    assert _names(att.present) == ["Jem Arbery", "Lys Holloway"]
    assert att.present[1].honorific == "Deputy"


def test_district_cllr_and_bracketed_job_titles() -> None:
    """ "District Cllr" is a title; "(Clerk and RFO)" makes an officer; "members of the public" nobody."""
    text = """\
Minutes of the meeting of Oakhollow Parish Council held on Wednesday 5 March 2025
at 7.30pm in the Village Hall

Present: Cllrs P Rowan (Chairman), Q Sallow and R Tamarisk

In attendance: Mrs S Umber (Clerk and RFO), District Cllr T Vetch, PCSO Wil Yarrow and 4 members of the public

2503.01   To receive apologies for absence
None.
"""
    att = sk.parse(text).attendance
    assert _names(att.present) == ["P Rowan", "Q Sallow", "R Tamarisk"]
    assert _names(att.officers) == ["Mrs S Umber"]
    assert _names(att.also_attending) == ["T Vetch", "PCSO Wil Yarrow"]


def _apologies(text: str) -> list[str]:
    return _names(sk.parse(text).attendance.apologies)


_HEADER = """\
Wrenfield Borough Council

Community Scrutiny Committee

Minutes of the meeting held on Thursday 6 February 2025 at 6.00 p.m.

Present: Councillor Opal Fenby (Chair)

"""


def test_apologies_reported_or_intimated_on_behalf_of() -> None:
    """Other verbs and "on behalf of" report apologies too."""
    text = _HEADER + (
        "1. Apologies\n\nApologies for inability to attend were reported on behalf of "
        "Councillors Quill and Rowntree.\n\n2. Minutes\n\nRESOLVED - That the minutes be approved.\n"
    )
    assert _apologies(text) == ["Quill", "Rowntree"]
    text = _HEADER + "Apologies for absence were intimated on behalf of Mrs V Ashgrove.\n"
    assert _apologies(text) == ["Mrs V Ashgrove"]


def test_apologies_under_their_heading() -> None:
    """Under an apologies heading: "These were received from …", a bare list, or the heading line itself."""
    text = _HEADER + (
        "41     APOLOGIES FOR ABSENCE -\n\nThese were received from Councillor Mrs. K.L. Ormsby "
        "and Mr. T. Pell (Parent Governor).\n\n42     MINUTES -\n\nRESOLVED - That the minutes be approved.\n"
    )
    assert _apologies(text) == ["Mrs. K.L. Ormsby", "Mr. T. Pell"]
    text = _HEADER + (
        "1     APOLOGIES\n\nAlderman H Dray and Councillor J Elkin\n\n"
        "2     MINUTES\n\nRESOLVED - That the minutes be approved.\n"
    )
    assert _apologies(text) == ["H Dray", "J Elkin"]
    text = _HEADER + (
        "2503.01   To receive apologies for absence\n"
        "Cllr L Furness (work commitments). The reason was accepted.\n\n"
        "2503.02   Minutes\nRESOLVED that the minutes be approved.\n"
    )
    assert _apologies(text) == ["L Furness"]


def test_a_sentence_under_an_apologies_heading_is_not_a_list() -> None:
    """A substitute's attendance is no apology."""
    text = _HEADER + (
        "1. Apologies and substitutions\n\n"
        "Councillor Ned Gale attended as a substitute for Councillor Hale.\n\n"
        "2. Minutes\n\nRESOLVED - That the minutes be approved.\n"
    )
    assert _apologies(text) == []


def test_present_written_inside_the_opening_paragraph() -> None:
    """ "Present:-" after the meeting line starts the list; offices after names are descriptions."""
    text = (
        "DUNKELD BRAE, 3 June 2025.  Minute of Meeting of the HOUSING COMMITTEE.  "
        "Present:- Councillor Moyes, Convener; Councillor Niven, Vice Convener; "
        "and Councillors Orrock, Pirie and Quarrier; "
        "Reverend Ros Tulloch and Mrs Una Veitch (church representative).\n\n"
        "Apologies were intimated on behalf of Councillor Wishart.\n\n"
        "DECLARATIONS OF INTEREST\n\n1.       There were no declarations of interest.\n"
    )
    att = sk.parse(text).attendance
    assert _names(att.present) == [
        "Moyes",
        "Niven",
        "Orrock",
        "Pirie",
        "Quarrier",
        "Reverend Ros Tulloch",
        "Mrs Una Veitch",
    ]
    assert _names(att.apologies) == ["Wishart"]
    assert att.present[1].role == "Vice-Convener"


def test_a_flattened_list_is_split_at_each_title() -> None:
    """A PDF list flattened onto one line: each title starts a person; what follows the names is not one."""
    text = (
        "ABBOTS QUAY TOWN COUNCIL MINUTES OF THE MEETING OF THE FULL TOWN COUNCIL HELD ON WEDNESDAY "
        "4 JUNE 2025 AT 7.00PM PRESENT: Cllr A Bream (Town Mayor) Cllr C Dace Cllr Mrs E Fluke "
        "IN ATTENDANCE: Mr G Gudgeon (Town Clerk) County Cllr H Ide 3 members of the public "
        "APOLOGIES: Cllr J Koi Cllr L Ling\n\n"
        "TC/12/25-26 DECLARATIONS OF INTEREST None.\n"
    )
    att = sk.parse(text).attendance
    assert _names(att.present) == ["A Bream", "C Dace", "Mrs E Fluke"]
    assert _names(att.officers) == ["Mr G Gudgeon"]
    assert _names(att.also_attending) == ["H Ide"]
    assert _names(att.apologies) == ["J Koi", "L Ling"]


_PROSE = """\
Eastholme City Council

Health Scrutiny Board

Minutes of the meeting held on Tuesday 11 March 2025 at 10.00 am.

Present: Councillors Yara Abbot (Chair), Zeb Barlow (Vice-Chair) and Cato Crane

12. Winter Pressures

The Chair welcomed Ms Dora Eddery, Chief Operating Officer, and Dr Finn Gale,
Medical Director, to the meeting.

Hal Ives, Chief Executive of Healthwatch Eastholme, and Ida Jarrow, its Volunteer Lead, presented the survey.

Kit Lamb, Head of Commissioning, presented the council's plan.

Councillor Zeb Barlow, the Vice-Chair, said that the survey was welcome.

In response, the Portfolio Holder for Health, Councillor Mo Nash, said that funding had been agreed.

Inspector Ola Penn of the local policing team attended for this item.

Councillor Rex Quill attended as a substitute for Councillor Crane.

RESOLVED - That the report be noted.
"""


def test_visitors_named_in_the_minutes() -> None:
    """People welcomed, outside speakers introduced with their office, a cabinet member answering and a
    police officer attending are visitors; a council officer and a member of the board are not."""
    att = sk.parse(_PROSE).attendance
    assert _names(att.also_attending) == [
        "Ms Dora Eddery",
        "Dr Finn Gale",
        "Hal Ives",
        "Ida Jarrow",
        "Mo Nash",
        "Inspector Ola Penn",
    ]
    assert _names(att.present) == ["Yara Abbot", "Zeb Barlow", "Cato Crane"]


def test_two_columns_flattened_into_one_line_each() -> None:
    """ "PRESENT   IN ATTENDANCE" over lines holding a member, then an officer or a co-opted member."""
    text = (
        "GREYMERE COUNTY COUNCIL\n\nPLACES SCRUTINY COMMITTEE\n\n"
        "MINUTES of a meeting held at County Hall, Greymere on Tuesday 4 March 2025 at 10.00 am\n\n"
        "PRESENT                                   IN ATTENDANCE\n"
        "Councillor A Ashby (Chair) Bea Cole – Director of Highways and Transport\n"
        "Councillor D Dyer Mrs E Eyre – Diocese of Greymere (co-opted)\n"
        "Councillor F Fane\n\n"
        "PSC.1 APOLOGIES\n\nApologies were received from Councillor G Gage.\n"
    )
    att = sk.parse(text).attendance
    assert _names(att.present) == ["A Ashby", "D Dyer", "F Fane"]
    assert _names(att.co_optees) == ["Mrs E Eyre"]
    assert _names(att.officers) == ["Bea Cole"]
    assert att.officers[0].description == "Director of Highways and Transport"
    assert _names(att.also_attending) == []
    assert _names(att.apologies) == ["G Gage"]


_APOLOGIES_PROSE = """\
Minutes of the meeting of the Hollowmere Scrutiny Panel held on Tuesday 6 May 2025.

PRESENT: Mr T Quarrie (Chairman), Mrs E Vantongeren, OBE, Mr P Lusk and Dr K Oyelaran, MBE

1. Welcome and apologies

The Chair welcomed everyone. Apologies received from Cllrs. Nia Brackwater, Owain Pell and Seren Tudge.

2. Apologies for Absence

The Committee Manager reported apologies from Mr Jory Vane, Mrs Elin Marsh, Mr Dafydd

Quist, MBE, Ms Ruth Arnott and Mr Ivo Penhale.

3. Minutes

The minutes were agreed.
"""


def test_post_nominals_after_a_comma_are_not_people() -> None:
    """Post-nominals after a comma ("Mrs E Vantongeren, OBE") belong to the name before them."""
    att = sk.parse(_APOLOGIES_PROSE).attendance
    assert _names(att.present) == ["Mr T Quarrie", "Mrs E Vantongeren", "Mr P Lusk", "Dr K Oyelaran"]


def test_apologies_in_prose_without_a_verb_and_across_a_page_break() -> None:
    """Apologies in prose: "Apologies received from …", "reported apologies from …", across a page break."""
    att = sk.parse(_APOLOGIES_PROSE).attendance
    assert [" ".join(n.split()) for n in _names(att.apologies)] == [
        "Nia Brackwater",
        "Owain Pell",
        "Seren Tudge",
        "Mr Jory Vane",
        "Mrs Elin Marsh",
        "Mr Dafydd Quist",
        "Ms Ruth Arnott",
        "Mr Ivo Penhale",
    ]
    quist = att.apologies[5]
    assert _APOLOGIES_PROSE[quist.span.start : quist.span.end].startswith("Mr Dafydd\n\nQuist")


_WRAPPED = """\
Minutes of the meeting of the Fernwick Overview Committee held on Monday 2 June 2025.

PRESENT: Jory Alcombe (in the Chair); Wenna Polglase; Tamsin Roskilly; Kerra
Treloar; Morwenna Pascoe (from 7.20 pm); Petroc Nancarrow (remote); Demelza
Trebilcock

IN ATTENDANCE: Mrs B Tregear (Corporate Director of Place), Mr C
Penhallow (Head of Legal Services) and Ms D Rowse (Committee
Services Officer)

Officers:
Mrs E Jago, Clerk
Mr F Hosken, Deputy Clerk

1. Minutes

The minutes were agreed.
"""


def test_a_hard_wrapped_list_is_read_across_its_lines() -> None:
    """Line breaks inside a wrapped list are spaces; a list of one entry a line keeps its breaks."""
    att = sk.parse(_WRAPPED).attendance
    assert [" ".join(n.split()) for n in _names(att.present)] == [
        "Jory Alcombe",
        "Wenna Polglase",
        "Tamsin Roskilly",
        "Kerra Treloar",
        "Morwenna Pascoe",
        "Petroc Nancarrow",
        "Demelza Trebilcock",
    ]
    assert [" ".join(n.split()) for n in _names(att.officers)] == [
        "Mrs B Tregear",
        "Mr C Penhallow",
        "Ms D Rowse",
        "Mrs E Jago",
        "Mr F Hosken",
    ]
    assert [p.description for p in att.officers][3:] == ["Clerk", "Deputy Clerk"]


_IN_FIRST_ITEM = """\
Agenda and minutes
Harrowfield Scrutiny Committee - Monday, 3rd March, 2025 6.30 pm

12.
APOLOGIES FOR ABSENCE

Minutes:

Present:-

Tamsin Hollowbrook (Chair)
Ewan Ruddle
Priya Castellane (substitute)

Officers present:

Head of Parks – L. Wendover
Councillor Ruddle declared a personal interest in the item on the parks budget as a trustee.

Apologies were received from Councillor Jude Farrant.

13.
MINUTES

Minutes:

The minutes were agreed.
"""


def test_a_list_in_the_first_item_and_a_sentence_in_a_list() -> None:
    """A meeting page's list in its first item's minutes counts; a sentence under a label is not a name."""
    att = sk.parse(_IN_FIRST_ITEM).attendance
    assert _names(att.present) == ["Tamsin Hollowbrook", "Ewan Ruddle", "Priya Castellane"]
    assert _names(att.officers) == ["L. Wendover"]
    assert _names(att.apologies) == ["Jude Farrant"]


_INLINE_NEW_LABEL = """\
Minutes of the meeting of the Oakhurst Scrutiny Panel held on 8 April 2025

The panel met in the Guildhall. Present: Councillor Jo Marren, Councillor Bea Tolland. Visiting Members:
Councillor Ned Stavely, Councillor Isla Rendle.

1. Minutes

The minutes were agreed.
"""


def test_an_inline_attendance_label_comes_from_the_vocabulary(tmp_path: Path) -> None:
    """A phrase added to an attendance file is a label inside a paragraph too, with its role."""
    (tmp_path / "also-attending.txt").write_text("Visiting Members\n", encoding="utf-8")
    before = sk.parse(_INLINE_NEW_LABEL).attendance
    assert "Ned Stavely" not in _names(before.also_attending)
    after = sk.parse(_INLINE_NEW_LABEL, vocabulary=tmp_path).attendance
    assert _names(after.present) == ["Jo Marren", "Bea Tolland"]
    assert _names(after.also_attending) == ["Ned Stavely", "Isla Rendle"]


def test_a_members_list_under_its_label_in_the_apologies_item_is_not_apologies() -> None:
    """A meeting page may print who attended inside its apologies item: those lists are not apologies."""
    text = (
        "Wexcombe Scrutiny Panel - Monday, 3rd March, 2025 7.00 pm\n\n"
        "Apologies for absence\n\n"
        "To receive any apologies for absence.\n\n"
        "Minutes:\n\n"
        "Chairman: Cllr S Pardew\n\n"
        "Committee Members:\n"
        "Cllrs A Quillan (Vice-Chairman), B Orrowmere (from 7.20 pm), C Tansley, F Ambleside and E Wragby\n\n"
        "Officers present:\n"
        "Scrutiny Officer – Jo Farrant\n\n"
        "Apologies were received from Councillor D Ravensworth.\n"
    )
    doc = sk.parse(text)
    assert [i.title for i in doc.items] == ["Apologies for absence"]
    assert _names(doc.attendance.apologies) == ["D Ravensworth"]


def test_co_opted_members_after_the_present_list_in_the_first_item() -> None:
    text = (
        "Wexcombe Scrutiny Panel - Monday, 3rd March, 2025 7.00 pm\n\n"
        "Apologies for absence\n\n"
        "Minutes:\n\n"
        "PRESENT: Cllrs Quillan (Vice-Chair), Orrowmere and Tansley\n\n"
        "Co-opted members: Mrs Dilys Fennimore (parent governor representative)\n\n"
        "There were no apologies.\n"
    )
    att = sk.parse(text).attendance
    assert _names(att.co_optees) == ["Mrs Dilys Fennimore"]
    assert _names(att.present) == ["Quillan", "Orrowmere", "Tansley"]
_ROLL_CALL = """\
Thornwick Vale Borough Council

Housing Scrutiny Panel – 2 April 2025

Councillors Pemberly Oaksford (Chair), Idris Wendlecombe (Vice-Chair), Marta Quillon (remote),
Sefton Brackley JP and Hollis Fenmarch (substitute for Councillor Ada Corvish)

Co-opted members: Mrs Lark Hedgeworth (Tenant representative); Mr Olm Pewsey, Healthwatch representative

Officers present: Tam Ridgeley (Head of Housing)

1 Apologies for Absence

Apologies were received from Councillor Ada Corvish.
"""


def test_an_unlabelled_roll_call_is_the_present_list() -> None:
    """A front-matter paragraph that lists titled names, and nothing else, names those present."""
    att = sk.parse(_ROLL_CALL).attendance
    assert _names(att.present) == [
        "Pemberly Oaksford",
        "Idris Wendlecombe",
        "Marta Quillon",
        "Sefton Brackley",
        "Hollis Fenmarch",
    ]
    assert _names(att.co_optees) == ["Mrs Lark Hedgeworth", "Mr Olm Pewsey"]
    assert _names(att.apologies) == ["Ada Corvish"]


def test_a_paragraph_that_merely_names_people_is_no_roll_call() -> None:
    """Prose, a title block and a list with an office in it are not lists of members present."""
    text = _ROLL_CALL.replace(
        "Councillors Pemberly Oaksford (Chair), Idris Wendlecombe (Vice-Chair), Marta Quillon (remote),\n"
        "Sefton Brackley JP and Hollis Fenmarch (substitute for Councillor Ada Corvish)",
        "Councillor Pemberly Oaksford welcomed everyone to the meeting at the Depot.",
    )
    assert _names(sk.parse(text).attendance.present) == []
    text = _ROLL_CALL.replace(
        "Councillors Pemberly Oaksford (Chair), Idris Wendlecombe (Vice-Chair), Marta Quillon (remote),\n"
        "Sefton Brackley JP and Hollis Fenmarch (substitute for Councillor Ada Corvish)",
        "Mr Tam Ridgeley, Head of Housing, Mrs Orla Fenn, Tenancy Manager",
    )
    assert _names(sk.parse(text).attendance.present) == []


_CHAIR_LINES = """\
Minutes of a meeting of the Marlfield Licensing Committee held on 5 May 2025 at 10.00 am

Chairman: Councillor Bede Ashcombe

Councillors Nell Pargeter (Vice-Chairman), Ivo Trelawn and Rosa Kimberlin

Apologies: Councillor Jed Hallow

1 Declarations of Interest

There were none.
"""


def test_a_chair_title_labels_the_chair_and_the_list_under_it() -> None:
    """ "Chairman: …" is a label of those present; the unlabelled list under it goes on it."""
    att = sk.parse(_CHAIR_LINES).attendance
    assert _names(att.present) == ["Bede Ashcombe", "Nell Pargeter", "Ivo Trelawn", "Rosa Kimberlin"]
    assert _names(att.apologies) == ["Jed Hallow"]
    alone = _CHAIR_LINES.replace("Chairman: Councillor Bede Ashcombe", "Bede Ashcombe in the Chair.")
    assert _names(sk.parse(alone).attendance.present)[0] == "Bede Ashcombe"


_TWO_COLUMNS = """\
Coldharbour Environment Committee – 9 June 2025

MEMBERS PRESENT                              IN ATTENDANCE
Councillor A Fenwright (Chair) Pia Loxley – Head of
Highways
Councillor B Ó Rathaille MBE Col Danby – Customer Services
Manager
Councillor C Hartsop Una Vell – Scrutiny Officer
Councillor D Mossop
Ewan Tarn – Director of Place

1 Apologies for Absence

There were no apologies.
"""


def test_two_columns_with_wrapped_roles() -> None:
    """Each row is a member and an officer; a role wrapped onto the next line stays with its officer."""
    att = sk.parse(_TWO_COLUMNS).attendance
    assert _names(att.present) == ["A Fenwright", "B Ó Rathaille", "C Hartsop", "D Mossop"]
    assert _names(att.officers) == ["Pia Loxley", "Col Danby", "Una Vell", "Ewan Tarn"]
    assert att.officers[1].description == "Customer Services Manager"


_ITEM_CHAIR = """\
Agenda and minutes
Parks Panel - Monday, 2nd June, 2025 6.00pm
Venue: Pavilion Room, Ambleford Hall. View directions
Items
No. Item
4.
Apologies
To receive any apologies for absence.
Minutes:
In the Chair: Councillor Wrenfield
Councillors Oakes (Vice-Chair), Pellow and Strand (substitute for Councillor Hay)
Apologies were received from Councillor Hay.
5.
Declarations of Interest
Minutes:
There were none.
"""


def test_a_list_under_the_chair_line_of_a_first_item_is_present_not_apologies() -> None:
    """On a meeting page the list under "In the Chair:" goes on the present list, not the apologies."""
    att = sk.parse(_ITEM_CHAIR).attendance
    assert _names(att.present) == ["Wrenfield", "Oakes", "Pellow", "Strand"]
    assert _names(att.apologies) == ["Hay"]


def test_a_comma_list_of_roles_is_one_officer_a_role() -> None:
    """Officers given by role only, in one line: each whole office is an entry; words with none go on."""
    text = _ROLL_CALL.replace(
        "Officers present: Tam Ridgeley (Head of Housing)",
        "Officers present: Head of Housing, Director of Place, Head of Revenues and Benefits,"
        " Director of Finance and Democratic Services Officer",
    )
    assert _names(sk.parse(text).attendance.officers) == [
        "Head of Housing",
        "Director of Place",
        "Head of Revenues and Benefits",
        "Director of Finance",
        "Democratic Services Officer",
    ]


_COUNTY_LIST = """\
WESTERHAM VALE COUNTY COUNCIL

CABINET

MINUTES of a meeting of the Cabinet held in the Council Chamber on Thursday, 6 March 2025.

PRESENT: Mrs P Lantern (Chairman), Mr O Quillby and Mr T Ferrow

IN ATTENDANCE: Mr K Dovecote (Head of Highways), Ms R Amberley (Acting Chief
Accountant) and Mr B Harrowgate
(General Counsel)

IN ATTENDANCE VIRTUALLY: Mrs J Pennywhistle (Corporate Director of Growth,
Environment and Transport), Dr H Merrow (Director of Public Health)

UNRESTRICTED ITEMS

1.
Apologies

No apologies were received.
"""


def test_office_notes_wrapped_over_lines_and_a_virtual_attendance_label() -> None:
    """A job title whose bracket wraps to the next line, a note on a line of its own ("(General
    Counsel)") and an "In attendance virtually:" label all give officers, none a visitor."""
    att = sk.parse(_COUNTY_LIST).attendance
    assert _names(att.officers) == [
        "Mr K Dovecote",
        "Ms R Amberley",
        "Mr B Harrowgate",
        "Mrs J Pennywhistle",
        "Dr H Merrow",
    ]
    assert _names(att.also_attending) == []
    assert _names(att.present) == ["Mrs P Lantern", "Mr O Quillby", "Mr T Ferrow"]


def test_an_entry_after_a_note_with_no_comma_is_a_person_of_its_own() -> None:
    """ "J Example (Chair) R Sample, …": the bracket ends the entry when a name follows it."""
    text = _COUNTY_LIST.replace(
        "PRESENT: Mrs P Lantern (Chairman), Mr O Quillby and Mr T Ferrow",
        "Present\nCouncillors D Lantern (Chair) R Quillby, M Ferrow and\nP Oddington",
    )
    assert _names(sk.parse(text).attendance.present) == ["D Lantern", "R Quillby", "M Ferrow", "P Oddington"]


def test_a_name_wrapped_over_two_lines_is_one_line() -> None:
    """A name broken by the line's end ("Mr" / "Quillby") keeps one space, not the line break."""
    text = _COUNTY_LIST.replace(
        "No apologies were received.",
        "Apologies for absence were received from Mrs Yarrow, Mr\nQuillby-Stone and Ms Dunnet.",
    )
    assert _names(sk.parse(text).attendance.apologies) == ["Mrs Yarrow", "Mr Quillby-Stone", "Ms Dunnet"]


def test_a_councillor_named_in_a_note_is_not_on_the_list() -> None:
    """A list with no separators: "(substitute for Councillor …)" on its own line names nobody present."""
    text = _COUNTY_LIST.replace(
        "PRESENT: Mrs P Lantern (Chairman), Mr O Quillby and Mr T Ferrow",
        "Present:\nCouncillor Ada Lantern (Chairman) Councillor Olu Quillby\n"
        "Councillor Tess Ferrow (remote) Councillor Ben Oddington\n"
        "(substitute for Councillor Sam Yarrow)",
    )
    present = _names(sk.parse(text).attendance.present)
    assert present == ["Ada Lantern", "Olu Quillby", "Tess Ferrow", "Ben Oddington"]
