using System.Text.Json.Nodes;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis;

// How the export writes an error declaration: on the event it declares, as EPCIS 2.0 does, never as an event of its own.
public static partial class EpcisExport
{
    private sealed partial class EventWriter
    {
        // The first declaration of each declared event, by its batch and version.
        private readonly Dictionary<(BatchRef Batch, long Version), ErrorDeclared> _declarations = new();

        /// <summary>The EPCIS event for one stored event (with its errorDeclaration when it was declared in error), or null when another event of the document tells it.</summary>
        public JsonObject? Event(BatchRef batch, RecordedEvent recorded)
        {
            var written = Written(batch, recorded);
            if (written is not null && _declarations.TryGetValue((batch, recorded.Version), out var declared))
            {
                written["errorDeclaration"] = Declaration(declared, _offset);
            }

            return written;
        }

        private static JsonObject Declaration(ErrorDeclared declared, TimeSpan offset)
        {
            var declaration = new JsonObject { ["declarationTime"] = Time(declared.EventTime, offset) };
            if (declared.Reason.Length > 0)
            {
                declaration["reason"] = declared.Reason;
            }

            if (declared.CorrectiveEventIds.Count > 0)
            {
                declaration["correctiveEventIDs"] = new JsonArray(declared.CorrectiveEventIds.Select(id => (JsonNode?)id).ToArray());
            }

            return declaration;
        }
    }
}
