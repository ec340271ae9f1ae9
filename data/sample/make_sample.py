#!/usr/bin/env python3
"""Writes the hand-planned sample data set (data/sample/*.csv).

Every KPI count below is planned by hand, and tests/SoftSkills.Measurement.Tests/SampleDataTests.cs asserts the
values that follow from them. Re-running this script rewrites the same files byte for byte (no randomness).

Window: Monday 2026-03-02 to Friday 2026-03-27 (four working weeks). Teams: support (S1-S6), product (P1-P5), ops (O1-O5).

Planned KPIs for the whole window, by team:
  support  RES 18/30 = 60.0 %   responsiveness 30/40   reciprocity 6/9   reach 4/6   HSR 9/12   DQR 7/9
  product  RES  2/4  = 50.0 %   responsiveness  8/10   reciprocity 3/6   reach 3/5   HSR 4/8    DQR 6/8
  ops      RES  8/10 = 80.0 %   responsiveness 10/10   reciprocity 3/7   reach 4/5   HSR 5/5    DQR 3/6
"""
import csv, datetime as dt

START = dt.date(2026, 3, 2)
DAYS = [START + dt.timedelta(days=d) for d in range(26) if (START + dt.timedelta(days=d)).weekday() < 5]  # 20 workdays
employees = []
def emp(i, team, role, lang, gender, region, tenure, manager):
    employees.append(dict(employee_id=i, team_id=team, manager_id=manager, role=role, tenure_months=tenure,
                          attr_first_language=lang, attr_gender=gender, attr_region=region))
emp("S1","support","lead","native","f","emea",48,"")
for n,(lang,g) in enumerate([("native","m"),("non_native","f"),("native","f"),("non_native","m"),("native","m")],start=2):
    emp(f"S{n}","support","agent",lang,g,"emea" if n%2 else "amer",6*n,"S1")
for n,(role,lang,g) in enumerate([("pm","native","f"),("pm","non_native","m"),("engineer","native","m"),("engineer","native","f"),("engineer","non_native","f")],start=1):
    emp(f"P{n}","product",role,lang,g,"amer",12+n,"" if n==1 else "P1")
for n,(role,lang,g) in enumerate([("lead","native","m"),("engineer","non_native","f"),("engineer","native","m"),("engineer","non_native","m"),("engineer","native","f")],start=1):
    emp(f"O{n}","ops",role,lang,g,"apac",24+n,"" if n==1 else "O1")

events, ratings = [], []
seq = [0]
def ts(day, hour, minute=0):
    return dt.datetime.combine(DAYS[day] if isinstance(day,int) else day, dt.time(hour, minute))
def ev(t, kind, actor, team, channel, counterpart="", text="", response_to="", thread="", decision_type="", outcome="",
       reversed_="", accepted="", complete="", reworked="", duration=""):
    seq[0] += 1
    eid = f"e{seq[0]:04d}"
    events.append(dict(event_id=eid, timestamp=t.strftime("%Y-%m-%dT%H:%M:%SZ"), kind=kind, actor_id=actor,
        counterpart_id=counterpart, team_id=team, thread_id=thread, channel=channel, text=text, response_to=response_to,
        decision_type=decision_type, outcome=outcome, reversed=reversed_, handoff_accepted=accepted,
        context_complete=complete, reworked=reworked, duration_minutes=duration))
    return eid
def rate(item, rater, kind, score, t):
    ratings.append(dict(item_id=item, rater_id=rater, rater_kind=kind, kpi="res", indicator="", score=score,
                        rated_at=t.strftime("%Y-%m-%dT%H:%M:%SZ")))

GOOD = ["I'm sorry about the trouble with your invoice, that sounds frustrating. I've corrected it and will confirm by 3pm.",
        "I understand how stressful a locked account is. I've reset it now; could you tell me if the new login works?",
        "Thanks for flagging this, I can see why the delay worried you. I'll call the courier and update you today."]
PLAIN = ["Ticket updated.", "Please see the attached guide.", "Done, closing this ticket."]
team_of = {e["employee_id"]: e["team_id"] for e in employees}

# --- support: 40 customer requests to S2-S6 (S1 leads) ------------------------------------------------------
# 30 answered in time, 5 answered late, 5 never answered. Reply ratings: 20 human-rated (12 empathic), 10 auto (6 empathic),
# 5 unrated. Special cases: an overnight reply in time, a reply across a weekend in time (3 working hours) and one late (5).
agents = ["S2","S3","S4","S5","S6"]
support_replies = []
for k in range(40):
    who = agents[k % 5]
    day = k // 2  # two requests per workday
    if k == 8:   # Friday 16:00 -> Monday 11:00: 1 h + 2 h = 3 working hours, in time
        req_t, rep_t = ts(4, 16), ts(5, 11)
    elif k == 9: # Friday 15:00 -> Monday 12:00: 2 h + 3 h = 5 working hours, late
        req_t, rep_t = ts(4, 15), ts(5, 12)
    elif k == 10: # 16:00 -> next day 10:30: 1 h + 1.5 h, in time
        req_t, rep_t = ts(5, 16), ts(6, 10, 30)
    elif k >= 35:  # the 5 never answered: Wednesday of week 3 to Wednesday of week 4, well before the data ends
        req_t = ts(k - 23, 10 if k % 2 == 0 else 13)
    else:
        req_t = ts(day, 10 if k % 2 == 0 else 13)
        rep_t = req_t + dt.timedelta(hours=1)
    req = ev(req_t, "request", "", "support", "ticket", counterpart=who, thread=f"t{k:03d}", text="Customer request")
    if k >= 35:   # 5 never answered
        continue
    late = k == 9 or k in (11, 13, 15, 17)  # 5 late
    if late and k != 9:   # 10:00 -> 15:00 is 5 working hours (13:00 -> 18:00 would count only 4)
        req_t = ts(day, 10)
        events[-1]["timestamp"] = req_t.strftime("%Y-%m-%dT%H:%M:%SZ")
        rep_t = req_t + dt.timedelta(hours=5)
    text = GOOD[k % 3] if k % 2 == 0 else PLAIN[k % 3]
    rid = ev(rep_t, "reply", who, "support", "ticket", text=text, response_to=req, thread=f"t{k:03d}")
    support_replies.append(rid)
# 35 replies: 0-19 human (12 empathic), 20-29 auto (6 empathic), 30-34 unrated.
for i, rid in enumerate(support_replies[:20]):
    t = ts(19, 9)
    if i == 0:   # two raters 1 and 3: the lower median is 1, not empathic
        rate(rid, "R1", "human", 1, t); rate(rid, "R2", "human", 3, t)
    elif i == 1: # two raters 2 and 3: lower median 2, empathic
        rate(rid, "R1", "human", 2, t); rate(rid, "R2", "human", 3, t)
    elif i == 2: # human 1 overrides auto 3: not empathic
        rate(rid, "R1", "human", 1, t); rate(rid, "coder-v1", "auto", 3, t)
    elif i == 3: # three raters 3, 0, 2: median 2, empathic
        rate(rid, "R1", "human", 3, t); rate(rid, "R2", "human", 0, t); rate(rid, "R3", "human", 2, t)
    else:        # 4..19: 16 items, the first 10 empathic
        rate(rid, "R1", "human", 2 + (i % 2) if i < 14 else i % 2, t)
for i, rid in enumerate(support_replies[20:30]):
    rate(rid, "coder-v1", "auto", 3 if i < 6 else 1, ts(19, 9))
# Indicator-level ratings do not set the overall level.
rate(support_replies[31], "R1", "human", 3, ts(19, 9)); ratings[-1]["indicator"] = "res.2.names_feeling"

# --- product: 10 internal requests from support to P1-P5; 8 answered in time (4 human-rated, 2 empathic) ---
for k in range(10):
    who = f"P{k % 5 + 1}"
    asker = agents[k % 5]
    req = ev(ts(2 * k, 11), "request", asker, "support", "chat", counterpart=who, thread=f"q{k:02d}", text="Can you check this?")
    if k >= 8:
        continue
    rid = ev(ts(2 * k, 12), "reply", who, "product", "chat", counterpart=asker, text=GOOD[k % 3] if k < 2 else PLAIN[k % 3],
             response_to=req, thread=f"q{k:02d}")
    if k < 4:
        rate(rid, "R1", "human", 3 if k < 2 else 1, ts(19, 9))

# --- ops: 10 customer requests to O1-O5, all answered within the hour, auto-rated: 8 empathic -----------------
for k in range(10):
    who = f"O{k % 5 + 1}"
    req = ev(ts(2 * k + 1, 14), "request", "", "ops", "email", counterpart=who, thread=f"o{k:02d}", text="Outage?")
    rid = ev(ts(2 * k + 1, 14, 30), "reply", who, "ops", "email", text=GOOD[k % 3], response_to=req, thread=f"o{k:02d}")
    rate(rid, "coder-v1", "auto", 2 if k < 8 else 0, ts(19, 9))

# --- messages: the directed pairs that make reciprocity and reach -------------------------------------------
pairs = [("S1","S2"),("S2","S1"),("S3","S4"),("S5","S6"),("S6","S5"),("S1","P1"),("P1","S1"),("S2","O1"),("O1","S2"),
         ("P4","P5"),("P5","P4"),("P1","P2"),("O1","O2"),("O2","O1"),("O3","O4"),("O5","O1")]
for n, (a, b) in enumerate(pairs):
    for rep in range(2):   # every pair twice: repeats do not add pairs
        ev(ts((n + 7 * rep) % 20, 15), "message", a, team_of[a], "chat", counterpart=b, text="Quick sync?")

# --- handoffs ---------------------------------------------------------------------------------------------------
def handoff(day, a, b, ok_flags):
    acc, comp, rew = ok_flags
    ev(ts(day, 9, 30), "handoff", a, team_of[a], "task_board", counterpart=b,
       accepted=acc, complete=comp, reworked=rew)
OK = ("true", "true", "false")
# support -> product: 12, 9 succeed; failures: not accepted, context incomplete, reworked
for k in range(12):
    flags = OK if k < 9 else [("false","true","false"), ("true","false","false"), ("true","true","true")][k - 9]
    handoff(k, "S3" if k < 6 else "S4", "P2" if k < 6 else "P3", flags)
# product -> ops: 8, 4 succeed (one failure has an empty reworked, which still fails on acceptance)
for k in range(8):
    flags = OK if k < 4 else [("false","true",""), ("true","false","false"), ("true","true","true"), ("","true","false")][k - 4]
    handoff(k + 2, "P2" if k < 4 else "P3", "O2" if k < 4 else "O3", flags)
# ops -> support: 5, all succeed (one with reworked left empty: not reworked)
for k in range(5):
    handoff(k + 10, "O2" if k < 3 else "O4", "S3" if k < 3 else "S4", OK if k else ("true","true",""))

# --- decisions ----------------------------------------------------------------------------------------------------
def decide(day, a, dtype, outcome, rev="false"):
    ev(ts(day, 16), "decision", a, team_of[a], "meeting", decision_type=dtype, outcome=outcome, reversed_=rev)
# support: refund 6 (4 good, 1 poor, 1 good but reversed), escalation 4 (3 good, 1 unresolved)
for k, (o, r) in enumerate([("good","false")]*4 + [("poor","false"), ("good","true")]):
    decide(k, "S1", "refund", o, r)
for k, o in enumerate(["good","good","good",""]):
    decide(k + 6, "S2", "escalation", o, "" if not o else "false")
# product: roadmap 8 (6 good, 2 poor)
for k in range(8):
    decide(k, "P1" if k % 2 else "P2", "roadmap", "good" if k < 6 else "poor")
# ops: incident 6 (3 good, 1 good reversed, 2 poor)
for k, (o, r) in enumerate([("good","false")]*3 + [("good","true"), ("poor","false"), ("poor","false")]):
    decide(k + 4, "O1", "incident", o, r)

# --- meetings and task updates: everyone appears; a last event closes the window on Friday 2026-03-27 17:00 ---------
for w in range(4):
    for k, e in enumerate(employees):
        ev(ts(5 * w + k % 5, 9), "meeting", e["employee_id"], e["team_id"], "meeting", duration="30")
        ev(ts(5 * w + (k + 2) % 5, 10, 15), "task_update", e["employee_id"], e["team_id"], "task_board", text="Moved card to done")
ev(ts(19, 17), "task_update", "O5", "ops", "task_board", text="Weekly report filed")

events.sort(key=lambda e: (e["timestamp"], e["event_id"]))
outcomes = []
for w in range(4):
    for team, base in (("support", 30), ("product", 25), ("ops", 40)):
        outcomes.append(dict(subject_id=team, subject_kind="team", date=str(START + dt.timedelta(days=7*w+4)), metric="nps", value=base + 2*w))
for e in employees:
    outcomes.append(dict(subject_id=e["employee_id"], subject_kind="employee", date="2026-03-27", metric="manager_rating",
                         value=f"{2 + int(e['employee_id'][1:]) % 3 * 0.5:g}"))
interventions = [dict(subject_id="support", subject_kind="team", kind="coaching_nudge", arm="treatment", start="2026-03-16", end="2026-03-27"),
                 dict(subject_id="ops", subject_kind="team", kind="coaching_nudge", arm="control", start="2026-03-16", end="2026-03-27")]

def write(name, rows, cols):
    with open(f"{name}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader(); w.writerows(rows)
write("employees", employees, list(employees[0].keys()))
write("events", events, list(events[0].keys()))
write("ratings", ratings, list(ratings[0].keys()))
write("outcomes", outcomes, list(outcomes[0].keys()))
write("interventions", interventions, list(interventions[0].keys()))
print(len(employees), "employees,", len(events), "events,", len(ratings), "ratings")
