using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using SoftSkills.Measurement.Empathy;

namespace SoftSkills.Simulation.Model;

/// <summary>
/// Writes reply texts from phrase banks. The chance of each empathy marker follows the writer's true empathy; stock
/// phrases (acknowledging, apologising, validating) are rarer for non-native writers at the same empathy and more frequent
/// with a marker habit trained by real-time feedback, which raises marker use without raising empathy.
/// </summary>
public static class ReplyWriter
{
    static readonly string[] Topics = ["invoice", "order", "delivery", "account", "refund", "password", "booking", "subscription", "payment"];
    static readonly string[] Actions = ["corrected", "updated", "reset", "escalated", "checked"];
    static readonly string[] Acknowledge = ["I understand how frustrating this must be.", "I can see why this is worrying.", "That sounds really stressful.", "I can imagine how annoying this is."];
    static readonly string[] Validate = ["It makes sense that you expected better.", "You're right to raise this.", "Anyone would be upset by this."];
    static readonly string[] Apologise = ["I'm sorry for the trouble.", "Sorry about the delay.", "Apologies for the confusion."];
    static readonly string[] Explore = ["Could you tell me what happened when you tried again?", "Is there anything else that would help?", "Can you tell me which date suits you?"];
    static readonly string[] Dismiss = ["Please read the FAQ.", "As I already said, this is how it works.", "There is nothing we can do.", "Ticket closed."];
    static readonly string[] Plain = ["Thanks for your message.", "Noted.", "Hello,", "Please see below."];
    static readonly string[] FollowUps = ["I will confirm today.", "I'll follow up tomorrow."];
    static readonly string[] Internal = ["Here is the file you asked for.", "Done, see the ticket.", "I checked it, numbers look fine.", "Sent you the details."];

    static readonly string[] UpdateRequests = [.. Topics.Select(t => $"Could you update my {t}, please?")];
    static readonly string[] FrustratedRequests = [.. Topics.Select(t => $"I'm really frustrated, my {t} is wrong again.")];
    static readonly string[] WaitingRequests = [.. Topics.Select(t => $"This is unacceptable, I'm still waiting on my {t} and I'm worried.")];
    static readonly string[] InternalRequests = [.. Topics.Select(t => $"Could you check the {t} numbers for me?")];

    // The marker coder's context for each request the writer produces (distress cues weigh acknowledgement up).
    static readonly Dictionary<string, bool> Distressed = UpdateRequests.Concat(FrustratedRequests).Concat(WaitingRequests)
        .ToDictionary(r => r, r => MarkerCoder.Default.IsDistressedRequest(r));

    static readonly Sentence[] AcknowledgeS = Sentences(Acknowledge), ValidateS = Sentences(Validate), ApologiseS = Sentences(Apologise),
        ExploreS = Sentences(Explore), DismissS = Sentences(Dismiss), PlainS = Sentences(Plain), FollowUpsS = Sentences(FollowUps);
    static readonly Sentence[] Processed = [.. Topics.Select(t => new Sentence($"The {t} has been processed."))];
    static readonly Sentence[][] Done = [.. Actions.Select(a => Topics.Select(t => new Sentence($"I have {a} your {t}.")).ToArray())];

    /// <summary>A customer's request; complaints carry distress cues the coder weighs.</summary>
    public static string CustomerRequest(Rng rng, bool complaint)
    {
        var topic = rng.Next(Topics.Length);
        return complaint ? rng.Next(2) == 0 ? FrustratedRequests[topic] : WaitingRequests[topic] : UpdateRequests[topic];
    }

    public static string InternalRequest(Rng rng) => InternalRequests[rng.Next(Topics.Length)];

    /// <summary>A reply to a customer. <paramref name="phraseFactor"/> scales stock phrases (non-native writers); <paramref name="habit"/> adds trained stock phrases.</summary>
    public static string CustomerReply(Rng rng, double empathy, double phraseFactor, double habit, bool complaint) =>
        CodedCustomerReply(rng, empathy, phraseFactor, habit, complaint, request: null).Text;

    /// <summary>
    /// A reply to a customer with the marker coder's level of it in the context of <paramref name="request"/>: the sum of
    /// its sentences' marker weights in text order, which is the coder's score of the whole reply, because no marker spans
    /// two of the writer's sentences and every sentence ends in punctuation, which ends a negation's reach (a test checks
    /// it against <see cref="MarkerCoder.Score"/>). Null <paramref name="request"/>: no level (−1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (string Text, int Level) CodedCustomerReply(Rng rng, double empathy, double phraseFactor, double habit, bool complaint, string? request)
    {
        // Every part draws the same numbers whether or not it is used, so runs with and without an intervention stay
        // on common random numbers (the pilot's true effect compares them).
        var distressed = request is not null && (Distressed.TryGetValue(request, out var d) ? d : MarkerCoder.Default.IsDistressedRequest(request));
        var reply = new Reply(distressed);
        var topic = rng.Next(Topics.Length);
        double Stock(double p) => Math.Clamp(p * phraseFactor + habit, 0, 0.97);
        reply.Maybe(rng, 0.3, PlainS);
        var e2 = empathy * empathy;
        reply.Maybe(rng, Stock((complaint ? 0.15 : 0.03) + 0.6 * e2), AcknowledgeS);
        reply.Maybe(rng, Stock(0.05 + 0.4 * empathy), ApologiseS);
        reply.Maybe(rng, Stock(0.3 * e2), ValidateS);
        // Naming the person's problem and a concrete next step are substance, not stock phrases: they follow empathy only.
        var action = rng.Next(Actions.Length);
        reply.Add(rng.Chance(0.1 + 0.7 * e2) ? Done[action][topic] : Processed[topic]);
        reply.Maybe(rng, 0.1 + 0.5 * e2, FollowUpsS);
        reply.Maybe(rng, 0.03 + 0.4 * e2, ExploreS);
        reply.Maybe(rng, 0.4 * (1 - empathy) * (1 - empathy), DismissS);
        return (reply.Text(), request is null ? -1 : MarkerCoder.Default.LevelOf(reply.Score));
    }

    public static string InternalReply(Rng rng) => Internal[rng.Next(Internal.Length)];

    static Sentence[] Sentences(string[] bank) => [.. bank.Select(t => new Sentence(t))];

    /// <summary>
    /// A reply being written: its sentences' numbers (a byte each, in text order) and its marker score. The same
    /// sentences give the same text, so the texts of the most frequent replies are made once and shared (a simulated day
    /// of 100,000 employees writes about 150,000 replies; about as many texts differ over a whole run).
    /// </summary>
    struct Reply(bool distressed)
    {
        const int MaxShared = 1 << 17;
        static readonly ConcurrentDictionary<ulong, string> Shared = new();
        static int _shared;
        ulong _sentences;
        public double Score;

        public void Add(Sentence sentence)
        {
            if (_sentences >> 56 != 0) throw new InvalidOperationException("a reply of more than eight sentences");
            _sentences = _sentences << 8 | sentence.Number;
            foreach (var w in sentence.Weights(distressed)) Score += w;
        }

        public void Maybe(Rng rng, double p, Sentence[] bank)
        {
            var sentence = bank[rng.Next(bank.Length)];
            if (rng.Chance(p)) Add(sentence);
        }

        public readonly string Text()
        {
            if (Shared.TryGetValue(_sentences, out var text)) return text;
            var parts = new List<string>(8);
            for (var rest = _sentences; rest != 0; rest >>= 8) parts.Add(Sentence.All[(int)(rest & 0xFF)].Text);
            parts.Reverse();
            text = string.Join(' ', parts);
            if (Volatile.Read(ref _shared) >= MaxShared) return text;
            var shared = Shared.GetOrAdd(_sentences, text);
            if (ReferenceEquals(shared, text)) Interlocked.Increment(ref _shared);
            return shared;
        }
    }

    /// <summary>A sentence of the banks with its marker weights in text order, for a routine and a distressed request (computed once).</summary>
    sealed class Sentence
    {
        /// <summary>Every sentence by its number (1–255; at most eight in a reply, so a reply's numbers fit in 64 bits).</summary>
        public static readonly List<Sentence> All = [null!];
        double[]? _routine, _distressed;

        public Sentence(string text)
        {
            Text = text;
            lock (All)
            {
                Number = (byte)All.Count;
                All.Add(this);
            }
            if (Number == 0) throw new InvalidOperationException("more than 255 reply sentences");
        }

        public byte Number { get; }
        public string Text { get; }
        public double[] Weights(bool distressed) => distressed
            ? _distressed ??= [.. MarkerCoder.Default.ScoreInContext(Text, true).Hits.Select(h => h.Weight)]
            : _routine ??= [.. MarkerCoder.Default.ScoreInContext(Text, false).Hits.Select(h => h.Weight)];
    }
}
