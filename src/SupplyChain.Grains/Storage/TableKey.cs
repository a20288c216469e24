using System.Text;

namespace SupplyChain.Grains.Storage;

/// <summary>Makes any text safe as an Azure Table partition or row key (which refuse / \ # ? and control characters).</summary>
public static class TableKey
{
    /// <summary>Keeps letters, digits, '-', '_' and '.'; writes every other character as ~XXXX.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('~').Append(((int)c).ToString("X4"));
            }
        }

        return sb.ToString();
    }
}
