using SoftSkills.Data.Schema;

namespace SoftSkills.Benchmarks;

/// <summary>A large, seeded event log with every kind of event, for throughput benchmarks (not a model of behaviour).</summary>
static class SyntheticLog
{
    static readonly string[] Texts =
    [
        "I'm sorry about the delay, I can see why that is frustrating. I have fixed it and will confirm by noon.",
        "Ticket updated.",
        "Thanks for flagging this. Could you tell me which invoice is affected so I can correct it today?",
    ];

    public static List<Employee> Employees(int n, int teamSize = 10) =>
        Enumerable.Range(0, n).Select(i => new Employee($"E{i:D6}", $"T{i / teamSize:D4}", null, i % 10 == 0 ? "lead" : "agent", i % 60,
            new Dictionary<string, string> { ["attr_first_language"] = i % 3 == 0 ? "non_native" : "native" })).ToList();

    /// <summary>Events in time order over 150 days, about a third of them replies answering requests.</summary>
    public static IEnumerable<Event> Events(IReadOnlyList<Employee> employees, long count, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        var step = TimeSpan.FromDays(150).Ticks / count;
        string? lastRequest = null;
        for (long i = 0; i < count; i++)
        {
            // Each person works with a fixed circle of 20 colleagues (half in the own team), as in real organisations:
            // the number of distinct pairs is bounded by the organisation, not by the length of the log.
            var a = random.Next(employees.Count);
            var k = random.Next(20);
            var actor = employees[a];
            var other = employees[k < 10 ? a / 10 * 10 + k : (a + 37 * k) % employees.Count];
            var ts = start.AddTicks(step * i);
            var id = $"ev{i:D9}";
            var pick = random.Next(100);
            Event e = pick switch
            {
                < 20 => new Event { EventId = id, Timestamp = ts, Kind = EventKind.Request, CounterpartId = actor.EmployeeId, TeamId = actor.TeamId, Channel = Channel.Ticket },
                < 40 => new Event { EventId = id, Timestamp = ts, Kind = EventKind.Reply, ActorId = actor.EmployeeId, TeamId = actor.TeamId, Channel = Channel.Ticket, Text = Texts[pick % 3], ResponseTo = lastRequest },
                < 65 => new Event { EventId = id, Timestamp = ts, Kind = EventKind.Message, ActorId = actor.EmployeeId, CounterpartId = other.EmployeeId, TeamId = actor.TeamId, Channel = Channel.Chat },
                < 77 => new Event { EventId = id, Timestamp = ts, Kind = EventKind.Handoff, ActorId = actor.EmployeeId, CounterpartId = other.EmployeeId, TeamId = actor.TeamId, Channel = Channel.TaskBoard, HandoffAccepted = pick % 5 != 0, ContextComplete = pick % 7 != 0, Reworked = pick % 11 == 0 },
                < 87 => new Event { EventId = id, Timestamp = ts, Kind = EventKind.Decision, ActorId = actor.EmployeeId, TeamId = actor.TeamId, Channel = Channel.Meeting, DecisionType = pick % 2 == 0 ? "refund" : "escalation", Outcome = pick % 4 == 0 ? DecisionOutcome.Poor : DecisionOutcome.Good, Reversed = pick % 9 == 0 },
                < 93 => new Event { EventId = id, Timestamp = ts, Kind = EventKind.Meeting, ActorId = actor.EmployeeId, TeamId = actor.TeamId, Channel = Channel.Meeting, DurationMinutes = 30 },
                _ => new Event { EventId = id, Timestamp = ts, Kind = EventKind.TaskUpdate, ActorId = actor.EmployeeId, TeamId = actor.TeamId, Channel = Channel.TaskBoard },
            };
            if (e.Kind == EventKind.Request) lastRequest = id;
            yield return e;
        }
    }
}
