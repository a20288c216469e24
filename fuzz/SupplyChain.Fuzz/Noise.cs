using System.Text;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Fuzz;

/// <summary>
/// Random choices and hostile inputs from one seeded generator, so a run is repeated exactly by its seed: text that
/// is often nearly valid (a good value with a character changed), sometimes plainly hostile (control characters,
/// lone surrogates, strings just past a bound or far past it), and numbers at the edges (NaN, infinities, 1e12).
/// </summary>
public sealed class Noise(int seed)
{
    private static readonly string[] Odd =
    {
        "\0", "\t", "\n", "\r", " ", "\u00a0", "\u200b", "\u202e", "\ufeff", "\ud800", "\udc00", "😀", "ü", "Đ", "ß", "İ", "ı",
        "\"", "'", "\\", "/", "%", "%2F", "..", "#", "?", "&", "=", "~", ":", "{", "}", "[", "]", ",", "-", "+", "e", "E", ".",
    };

    private static readonly int[] EdgeLengths = { 15, 16, 17, 19, 20, 21, 63, 64, 65, 99, 100, 101, 127, 128, 129, 199, 200, 201, 499, 500, 501, 5000 };

    private readonly Random _random = new(seed);

    public int Below(int n) => _random.Next(n);

    public int Between(int min, int max) => (int)_random.NextInt64(min, (long)max + 1);

    public bool Chance(double p) => _random.NextDouble() < p;

    public double Fraction() => _random.NextDouble();

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A value near the given ones, or hostile text; null now and then.</summary>
    public string? Text(params string[] good)
    {
        switch (Below(12))
        {
            case 0:
                return null;
            case 1:
                return Pick(new[] { "", " ", "  \t ", "\n" });
            case 2:
                return Digits(Pick(new[] { 0, 1, 7, 8, 9, 12, 13, 14, 15, 18, 20 }));
            case 3:
                return Junk(Between(1, 40));
            case 4:
                return new string(Pick(new[] { 'a', '7', 'Z', ' ', '-', 'ü' }), Pick(EdgeLengths));
            default:
                return good.Length == 0 ? Junk(Between(0, 12)) : Chance(0.3) ? Pick(good) : Mutate(Pick(good));
        }
    }

    /// <summary>One to three small edits: a character changed, added, removed or doubled, the text cut or padded.</summary>
    public string Mutate(string text)
    {
        var s = new StringBuilder(text);
        for (var edits = Between(1, 3); edits > 0; edits--)
        {
            var at = s.Length == 0 ? 0 : Below(s.Length);
            switch (Below(8))
            {
                case 0 when s.Length > 0:
                    s[at] = (char)(s[at] + Between(-3, 3));
                    break;
                case 1:
                    s.Insert(at, Pick(Odd));
                    break;
                case 2 when s.Length > 0:
                    s.Remove(at, 1);
                    break;
                case 3 when s.Length > 0:
                    s.Insert(at, s.ToString(at, Between(1, s.Length - at)));
                    break;
                case 4:
                    s.Length = Below(s.Length + 1);
                    break;
                case 5:
                    s.Insert(0, " ").Append(' ');
                    break;
                case 6 when s.Length > 0:
                    s[at] = char.IsUpper(s[at]) ? char.ToLowerInvariant(s[at]) : char.ToUpperInvariant(s[at]);
                    break;
                default:
                    s.Insert(at, (char)('0' + Below(10)));
                    break;
            }
        }

        return s.ToString();
    }

    /// <summary>Characters of every kind: printable ASCII, controls, surrogates, letters beyond ASCII.</summary>
    public string Junk(int length)
    {
        var s = new StringBuilder(length);
        while (s.Length < length)
        {
            s.Append(Below(4) switch
            {
                0 => Pick(Odd),
                1 => ((char)Between(0, 0x1f)).ToString(),
                2 => ((char)Between(0x80, 0xffff)).ToString(),
                _ => ((char)Between(0x20, 0x7e)).ToString(),
            });
        }

        return s.ToString();
    }

    public string Digits(int length)
    {
        var s = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            s.Append((char)('0' + Below(10)));
        }

        return s.ToString();
    }

    /// <summary>A GTIN-8, -12, -13 or -14 with its check digit right (mostly) or wrong.</summary>
    public string GtinText()
    {
        var length = Pick(new[] { 8, 12, 13, 14 });
        var body = Digits(length - 1);
        var check = Gs1.CheckDigit(body);
        return body + (Chance(0.8) ? check : (check + Between(1, 9)) % 10);
    }

    /// <summary>A GLN with its check digit right (mostly) or wrong.</summary>
    public string GlnText()
    {
        var body = Digits(12);
        var check = Gs1.CheckDigit(body);
        return body + (Chance(0.8) ? check : (check + Between(1, 9)) % 10);
    }

    /// <summary>A number at an edge now and then; otherwise a plain amount with up to seven decimals.</summary>
    public double Number()
    {
        return Below(6) switch
        {
            0 => Pick(new[]
            {
                0d, -0d, 1d, -1d, 1e-7, 4e-7, 5e-7, 1e-6, 0.1, 0.5, 1.5, 1e12, 1e12 + 1, 1e13, 7.9e28, 1e300, -1e12,
                double.MaxValue, double.MinValue, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
            }),
            1 => -Math.Round(Fraction() * 1000, 3),
            2 => Math.Round(Fraction() * Math.Pow(10, Between(-8, 14)), Between(0, 9)),
            _ => Math.Round(Fraction() * 1000, Between(0, 7)),
        };
    }

    /// <summary>Text for an error report: quoted, escaped, long text shortened with its length.</summary>
    public static string Show(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        var shown = text.Length > 120 ? text[..120] : text;
        var escaped = new StringBuilder("\"");
        foreach (var c in shown)
        {
            escaped.Append(c is < ' ' or > '~' or '"' or '\\' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return escaped.Append('"').Append(text.Length > 120 ? $"... ({text.Length} characters)" : "").ToString();
    }
}
