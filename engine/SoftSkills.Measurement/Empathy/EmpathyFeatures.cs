using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace SoftSkills.Measurement.Empathy;

/// <summary>
/// The classifier's input features, shared by the three mechanisms: word n-grams (1–2 by default) and character 3-grams of the response,
/// words of the request (L2-normalised bags), the marker features scaled to [0, 1], and the rationale features when the
/// model uses them (zeros otherwise); features present in fewer than five
/// training texts are dropped. Fitted once on the training
/// texts (vocabulary and scaling only; no labels).
/// </summary>
public sealed class EmpathyFeatures
{
    internal sealed class Row
    {
        public string Request { get; set; } = "";
        public string Response { get; set; } = "";
        [VectorType(MarkerFeatures.Count)] public float[] Markers { get; set; } = [];
        /// <summary>The rationale features (<see cref="RationaleScorer"/>), zeros when the model does not use them.</summary>
        [VectorType(RationaleScorer.Count)] public float[] Rationale { get; set; } = new float[RationaleScorer.Count];
        public float EmotionalReactions { get; set; }
        public float Interpretations { get; set; }
        public float Explorations { get; set; }
        /// <summary>The example weight of the mechanism being trained (set by its trainer).</summary>
        public float Weight { get; set; } = 1;
    }

    internal const string Column = "Features";
    const int MinimumCount = 5;
    readonly MLContext ml;

    internal ITransformer Transformer { get; }
    internal DataViewSchema InputSchema { get; }

    EmpathyFeatures(MLContext ml, ITransformer transformer, DataViewSchema schema) => (this.ml, Transformer, InputSchema) = (ml, transformer, schema);

    internal static EmpathyFeatures Fit(MLContext ml, IReadOnlyList<Row> rows, int wordNgrams = 1)
    {
        var response = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = wordNgrams },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var request = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Text.FeaturizeText("ResponseFeatures", response, nameof(Row.Response))
            .Append(ml.Transforms.Text.FeaturizeText("RequestFeatures", request, nameof(Row.Request)))
            .Append(ml.Transforms.NormalizeMinMax("MarkerFeatures", nameof(Row.Markers)))
            .Append(ml.Transforms.Concatenate("AllFeatures", "ResponseFeatures", "RequestFeatures", "MarkerFeatures", nameof(Row.Rationale)))
            // n-grams seen in fewer than MinimumCount training texts carry little but cost the learner time.
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(Column, "AllFeatures", MinimumCount));
        return new EmpathyFeatures(ml, pipeline.Fit(data), data.Schema);
    }

    /// <summary>The featurised rows, cached in memory for repeated passes.</summary>
    internal IDataView Transform(IReadOnlyList<Row> rows) => ml.Data.Cache(Transformer.Transform(ml.Data.LoadFromEnumerable(rows)));

    sealed class Featurised
    {
        public float EmotionalReactions { get; set; }
        public float Interpretations { get; set; }
        public float Explorations { get; set; }
        public VBuffer<float> Features { get; set; }
    }

    sealed class Dense
    {
        public float EmotionalReactions { get; set; }
        public float Interpretations { get; set; }
        public float Explorations { get; set; }
        public float[] Features { get; set; } = [];
    }

    /// <summary>
    /// The featurised rows with dense feature vectors, for scoring: a tree ensemble reads a dense vector by index, while a
    /// sparse one costs a search per split (about 10× slower here).
    /// </summary>
    internal IDataView TransformDense(IReadOnlyList<Row> rows)
    {
        var sparse = Transformer.Transform(ml.Data.LoadFromEnumerable(rows));
        var size = ((VectorDataViewType)sparse.Schema[Column].Type).Size;
        var dense = ml.Data.CreateEnumerable<Featurised>(sparse, reuseRowObject: false).Select(f =>
        {
            var v = new float[size];
            f.Features.CopyTo(v);
            return new Dense { EmotionalReactions = f.EmotionalReactions, Interpretations = f.Interpretations, Explorations = f.Explorations, Features = v };
        }).ToList();
        var schema = SchemaDefinition.Create(typeof(Dense));
        schema[nameof(Dense.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return ml.Data.LoadFromEnumerable(dense, schema);
    }

    internal void Save(Stream stream) => ml.Model.Save(Transformer, InputSchema, stream);

    internal static EmpathyFeatures Load(MLContext ml, Stream stream)
    {
        var transformer = ml.Model.Load(stream, out var schema);
        return new EmpathyFeatures(ml, transformer, schema);
    }
}
