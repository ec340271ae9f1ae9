using System.Text;

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

    /// <summary>A customer's request; complaints carry distress cues the coder weighs.</summary>
    public static string CustomerRequest(Rng rng, bool complaint)
    {
        var topic = Topics[rng.Next(Topics.Length)];
        return complaint
            ? rng.Next(2) == 0 ? $"I'm really frustrated, my {topic} is wrong again." : $"This is unacceptable, I'm still waiting on my {topic} and I'm worried."
            : $"Could you update my {topic}, please?";
    }

    public static string InternalRequest(Rng rng) => $"Could you check the {Topics[rng.Next(Topics.Length)]} numbers for me?";

    /// <summary>A reply to a customer. <paramref name="phraseFactor"/> scales stock phrases (non-native writers); <paramref name="habit"/> adds trained stock phrases.</summary>
    public static string CustomerReply(Rng rng, double empathy, double phraseFactor, double habit, bool complaint)
    {
        // Every part draws the same numbers whether or not it is used, so runs with and without an intervention stay
        // on common random numbers (the pilot's true effect compares them).
        var sb = new StringBuilder();
        var topic = Topics[rng.Next(Topics.Length)];
        double Stock(double p) => Math.Clamp(p * phraseFactor + habit, 0, 0.97);
        Maybe(sb, rng, 0.3, Plain);
        var e2 = empathy * empathy;
        Maybe(sb, rng, Stock((complaint ? 0.15 : 0.03) + 0.6 * e2), Acknowledge);
        Maybe(sb, rng, Stock(0.05 + 0.4 * empathy), Apologise);
        Maybe(sb, rng, Stock(0.3 * e2), Validate);
        // Naming the person's problem and a concrete next step are substance, not stock phrases: they follow empathy only.
        var action = Actions[rng.Next(Actions.Length)];
        Add(sb, rng.Chance(0.1 + 0.7 * e2) ? $"I have {action} your {topic}." : $"The {topic} has been processed.");
        Maybe(sb, rng, 0.1 + 0.5 * e2, FollowUps);
        Maybe(sb, rng, 0.03 + 0.4 * e2, Explore);
        Maybe(sb, rng, 0.4 * (1 - empathy) * (1 - empathy), Dismiss);
        return sb.ToString();
    }

    public static string InternalReply(Rng rng) => Internal[rng.Next(Internal.Length)];

    static void Maybe(StringBuilder sb, Rng rng, double p, string[] bank)
    {
        var sentence = bank[rng.Next(bank.Length)];
        if (rng.Chance(p)) Add(sb, sentence);
    }

    static void Add(StringBuilder sb, string sentence)
    {
        if (sb.Length > 0) sb.Append(' ');
        sb.Append(sentence);
    }
}
