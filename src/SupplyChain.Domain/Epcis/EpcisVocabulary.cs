using System.Globalization;
using System.Text;

namespace SupplyChain.Domain.Epcis;

/// <summary>The EPCIS 2.0 / CBV 2.0 words we write and read, and our own namespace for what the CBV has no word for.</summary>
public static class EpcisVocabulary
{
    /// <summary>The standard JSON-LD context every EPCIS 2.0 document names.</summary>
    public const string ContextUrl = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    /// <summary>The prefix of our extension terms ("sc:step") in documents we write.</summary>
    public const string Prefix = "sc";

    /// <summary>Where our extension terms live; one place to change once the service has a public domain.</summary>
    public const string Namespace = "https://supplychain.example/epcis/";

    /// <summary>CBV 2.0 business steps (the schema's enumeration).</summary>
    public static readonly IReadOnlySet<string> BizSteps = new HashSet<string>(StringComparer.Ordinal)
    {
        "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning", "creating_class_instance",
        "cycle_counting", "decommissioning", "departing", "destroying", "disassembling", "dispensing", "encoding",
        "entering_exiting", "holding", "inspecting", "installing", "killing", "loading", "other", "packing", "picking",
        "receiving", "removing", "repackaging", "repairing", "replacing", "reserving", "retail_selling", "shipping",
        "staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking",
        "void_shipping", "sensor_reporting", "sampling",
    };

    /// <summary>CBV 2.0 measurement types (gs1: terms) for sensor reports.</summary>
    public static readonly IReadOnlyList<string> MeasurementTypes = new List<string>
    {
        "AbsoluteHumidity", "AbsorbedDose", "AbsorbedDoseRate", "Acceleration", "Radioactivity", "Altitude",
        "AmountOfSubstance", "AmountOfSubstancePerUnitVolume", "Angle", "AngularAcceleration", "AngularMomentum",
        "AngularVelocity", "Area", "Capacitance", "Conductance", "Conductivity", "Count", "Density", "Dimensionless",
        "DoseEquivalent", "DoseEquivalentRate", "DynamicViscosity", "ElectricCharge", "ElectricCurrent",
        "ElectricCurrentDensity", "ElectricFieldStrength", "Energy", "Exposure", "Force", "Frequency", "Illuminance",
        "Inductance", "Irradiance", "KinematicViscosity", "Length", "LinearMomentum", "Luminance", "LuminousFlux",
        "LuminousIntensity", "MagneticFlux", "MagneticFluxDensity", "MagneticVectorPotential", "Mass",
        "MassConcentration", "MassFlowRate", "MassPerAreaTime", "MemoryCapacity", "MolalityOfSolute", "MolarEnergy",
        "MolarMass", "MolarVolume", "Power", "Pressure", "RadiantFlux", "RadiantIntensity", "RelativeHumidity",
        "Resistance", "Resistivity", "SolidAngle", "SpecificVolume", "Speed", "SurfaceDensity", "SurfaceTension",
        "Temperature", "Time", "Torque", "Voltage", "Volume", "VolumeFlowRate", "VolumeFraction", "VolumetricFlux",
        "Wavenumber",
    };

    // Our readings say "humidity" for relative humidity, as people and sensors do.
    private static readonly Dictionary<string, string> OurAliases = new(StringComparer.Ordinal)
    {
        ["humidity"] = "RelativeHumidity",
    };

    private static readonly Dictionary<string, string> CbvByOurName =
        MeasurementTypes.ToDictionary(SnakeCase, t => t, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> OurNameByCbv =
        MeasurementTypes.ToDictionary(t => t, t => OurAliases.FirstOrDefault(a => a.Value == t).Key ?? SnakeCase(t), StringComparer.Ordinal);

    private static readonly char[] IriSeparators = { '/', '#', ':' };

    /// <summary>A compact IRI in our namespace: sc:{escaped term}.</summary>
    public static string Term(string name) => $"{Prefix}:{Uri.EscapeDataString(name)}";

    /// <summary>The sensor report type for one of our measurement types: a CBV word where one fits, else sc:{type}.</summary>
    public static string SensorType(string ourType) =>
        OurAliases.TryGetValue(ourType, out var alias) ? alias
        : CbvByOurName.TryGetValue(ourType, out var cbv) ? cbv
        : Term(ourType);

    /// <summary>Our measurement type for a sensor report type: CBV words in snake case (RelativeHumidity is humidity), else the IRI's last segment.</summary>
    public static string OurMeasurementType(string sensorType)
    {
        return OurNameByCbv.TryGetValue(sensorType, out var ours) ? ours : Uri.UnescapeDataString(LocalName(sensorType)).ToLowerInvariant();
    }

    /// <summary>A unit for a sensor report: UN/CEFACT codes as they are, "%" as P1 (percent).</summary>
    public static string SensorUnit(string ourUnit) => ourUnit == "%" ? "P1" : ourUnit;

    /// <summary>The last segment of an IRI or compact IRI: after the last '/', '#' or ':'.</summary>
    public static string LocalName(string iri)
    {
        var cut = iri.LastIndexOfAny(IriSeparators);
        return cut < 0 ? iri : iri[(cut + 1)..];
    }

    private static string SnakeCase(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
