namespace SupplyChain.Domain;

/// <summary>What kind of refusal a domain rule raised; the API maps each to a status code.</summary>
public enum Refusal
{
    InvalidArgument,
    NotFound,
    FailedPrecondition,
    AlreadyExists,
    PermissionDenied,
}

/// <summary>A request the domain refuses, with a message that names what was wrong.</summary>
[GenerateSerializer]
[Alias("SupplyChain.DomainException")]
public sealed class DomainException : Exception
{
    public DomainException(Refusal refusal, string message)
        : base(message)
    {
        Refusal = refusal;
    }

    [Id(0)]
    public Refusal Refusal { get; }

    public static DomainException Invalid(string field, string problem) =>
        new(Refusal.InvalidArgument, $"{field}: {problem}");

    public static DomainException NotFound(string what) => new(Refusal.NotFound, what);

    public static DomainException Precondition(string rule) => new(Refusal.FailedPrecondition, rule);

    public static DomainException Exists(string what) => new(Refusal.AlreadyExists, what);

    public static DomainException Denied(string rule) => new(Refusal.PermissionDenied, rule);
}
