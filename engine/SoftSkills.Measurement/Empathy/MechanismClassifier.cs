using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;

namespace SoftSkills.Measurement.Empathy;

/// <summary>The learner behind a mechanism classifier.</summary>
public enum EmpathyLearner { LightGbm, Sdca }

/// <summary>Training settings; every run with the same settings and data gives the same model.</summary>
public sealed record EmpathyTrainingOptions(
    EmpathyLearner Learner = EmpathyLearner.LightGbm,
    int Seed = 20260101,
    int Folds = 0,
    int SelectedFeatures = 0,
    int Iterations = 200,
    double LearningRate = 0.1,
    bool TuneClassWeights = false,
    double ClassBalance = 0,
    int Leaves = 0,
    int MinimumLeafExamples = 0,
    double FeatureFraction = 0.3,
    int WordNgrams = 2,
    bool Rationales = true,
    double RationaleSmoothing = 0.05);

/// <summary>
/// One mechanism's classifier over <see cref="EmpathyFeatures"/>: the features most informative of the level (mutual
/// information, fitted on the training data), a multiclass learner giving P(level = 0, 1, 2) from examples weighted against class imbalance, and
/// optionally class weights tuned for macro-F1 on out-of-fold predictions of the training data that pick the level.
/// </summary>
public sealed class MechanismClassifier
{
    sealed class Output
    {
        [ColumnName("Score")] public float[] Score { get; set; } = [];
    }

    readonly MLContext ml;
    readonly ITransformer model;
    readonly DataViewSchema schema;

    /// <summary>Multipliers of the three class probabilities before the arg-max.</summary>
    public double[] ClassWeights { get; }

    MechanismClassifier(MLContext ml, ITransformer model, DataViewSchema schema, double[] classWeights) =>
        (this.ml, this.model, this.schema, ClassWeights) = (ml, model, schema, classWeights);

    /// <summary>Trains on the rows (featurised by <paramref name="features"/>) for the mechanism whose level is in column <paramref name="level"/>.</summary>
    internal static MechanismClassifier Train(MLContext ml, EmpathyFeatures features, IReadOnlyList<EmpathyFeatures.Row> rows, string level,
        Func<EmpathyFeatures.Row, int> truthOf, EmpathyTrainingOptions options)
    {
        // Rare levels weigh more: (n / (3 n_c))^balance, so the learner does not ignore the weak middle level.
        var counts = new int[3];
        foreach (var r in rows) counts[truthOf(r)]++;
        foreach (var r in rows) r.Weight = (float)Math.Pow(rows.Count / (3.0 * counts[truthOf(r)]), options.ClassBalance);
        var weights = new[] { 1.0, 1.0, 1.0 };
        if (options.TuneClassWeights && options.Folds > 1)
        {
            // Out-of-fold probabilities on the training data alone, so the weights never see the test split.
            var probabilities = new double[rows.Count][];
            for (var fold = 0; fold < options.Folds; fold++)
            {
                var train = rows.Where((_, i) => i % options.Folds != fold).ToList();
                var held = Enumerable.Range(0, rows.Count).Where(i => i % options.Folds == fold).ToArray();
                var p = Fit(ml, features.Transform(train), level, options).Probabilities(features.Transform(held.Select(i => rows[i]).ToList()));
                for (var k = 0; k < held.Length; k++) probabilities[held[k]] = p[k];
            }
            weights = ClassWeightSearch.MaximiseMacroF1(probabilities, rows.Select(truthOf).ToArray());
        }
        var final = Fit(ml, features.Transform(rows), level, options);
        return new MechanismClassifier(ml, final.model, final.schema, weights);
    }

    static MechanismClassifier Fit(MLContext ml, IDataView features, string level, EmpathyTrainingOptions options)
    {
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey("Label", level, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue);
        pipeline = options.SelectedFeatures > 0
            ? pipeline.Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnMutualInformation("Selected", EmpathyFeatures.Column, "Label", options.SelectedFeatures))
            : pipeline.Append(ml.Transforms.CopyColumns("Selected", EmpathyFeatures.Column));
        IEstimator<ITransformer> learner = options.Learner switch
        {
            EmpathyLearner.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                FeatureColumnName = "Selected", ExampleWeightColumnName = nameof(EmpathyFeatures.Row.Weight), L2Regularization = 1e-4f, MaximumNumberOfIterations = options.Iterations, NumberOfThreads = 1,
            }),
            _ => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                FeatureColumnName = "Selected", ExampleWeightColumnName = nameof(EmpathyFeatures.Row.Weight), NumberOfIterations = options.Iterations, LearningRate = options.LearningRate,
                NumberOfThreads = 1, Seed = options.Seed, Verbose = false, Silent = true, UseSoftmax = true,
                NumberOfLeaves = options.Leaves > 0 ? options.Leaves : null,
                MinimumExampleCountPerLeaf = options.MinimumLeafExamples > 0 ? options.MinimumLeafExamples : null,
                Booster = new GradientBooster.Options { FeatureFraction = options.FeatureFraction },
            }),
        };
        var model = pipeline.Append(learner).Fit(features);
        return new MechanismClassifier(ml, model, features.Schema, [1, 1, 1]);
    }

    /// <summary>P(level = 0, 1, 2) for each featurised row.</summary>
    internal double[][] Probabilities(IDataView features) =>
        ml.Data.CreateEnumerable<Output>(model.Transform(features), reuseRowObject: false).Select(o => o.Score.Select(x => (double)x).ToArray()).ToArray();

    /// <summary>The level of each featurised row: the arg-max of the weighted probabilities.</summary>
    internal int[] Predict(IDataView features) => Probabilities(features).Select(p => ClassWeightSearch.ArgMax(p, ClassWeights)).ToArray();

    internal void Save(Stream stream) => ml.Model.Save(model, schema, stream);

    internal static MechanismClassifier Load(MLContext ml, Stream stream, double[] classWeights)
    {
        var model = ml.Model.Load(stream, out var schema);
        return new MechanismClassifier(ml, model, schema, classWeights);
    }
}
