using System.Text;
using System.Text.Json;

namespace SupplyChain.Domain.Epcis;

/// <summary>Where a JSON text stops parsing, as a JSONPath ($.epcisBody.eventList[3]), so a refusal names the place.</summary>
public static class MalformedJson
{
    public static string Locate(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        // One frame per open container: an array counts the elements begun, an object keeps its last property name.
        var frames = new List<(bool Array, int Begun, string? Name)>();
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    frames[^1] = frames[^1] with { Name = reader.GetString() };
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.RemoveAt(frames.Count - 1);
                    continue;
                }

                if (frames.Count > 0 && frames[^1].Array)
                {
                    frames[^1] = frames[^1] with { Begun = frames[^1].Begun + 1 };
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add((reader.TokenType == JsonTokenType.StartArray, 0, null));
                }
            }

            return "$";
        }
        catch (JsonException)
        {
            var path = new StringBuilder("$");
            for (var i = 0; i < frames.Count; i++)
            {
                var (array, begun, name) = frames[i];
                // Inside an element already begun, or at the one being read when the text broke.
                path.Append(array ? $"[{(i < frames.Count - 1 ? begun - 1 : begun)}]" : name is null ? "" : "." + name);
            }

            return path.ToString();
        }
    }
}
