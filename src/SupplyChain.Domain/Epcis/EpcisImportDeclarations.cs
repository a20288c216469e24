using System.Text.Json.Nodes;

namespace SupplyChain.Domain.Epcis;

// How the reader takes an error declaration: the event it carries is read as the declared one was, then wrapped.
public static partial class EpcisImport
{
    private sealed partial class DocumentReader
    {
        // True while the copy of a declared event is read: its facts are declared, not made again.
        private bool _declaring;

        // How many events of the document carry an errorDeclaration.
        private int _declarations;

        private void ReadDeclaration(JsonObject e, string at, int index, string type)
        {
            _declarations++;
            var field = at + ".errorDeclaration";
            var declaration = e["errorDeclaration"] as JsonObject ?? throw DomainException.Invalid(field, "is not an object");
            var declaredAt = Time(declaration, "declarationTime", field + ".declarationTime", required: true)!.Value;
            var reason = CbvWord(OptionalString(declaration, "reason", field + ".reason"), field + ".reason", "ER-", "urn:epcglobal:cbv:er:") ?? "";
            var corrective = OptionalArray(declaration, "correctiveEventIDs", field)
                .Select((id, i) => StringValue(id, $"{field}.correctiveEventIDs[{i}]")).ToList();
            for (var i = 0; i < corrective.Count; i++)
            {
                if (!Uri.TryCreate(corrective[i], UriKind.Absolute, out _))
                {
                    throw DomainException.Invalid($"{field}.correctiveEventIDs[{i}]", $"'{corrective[i]}' is not a URI");
                }
            }

            var before = _events.Count;
            _declaring = true;
            try
            {
                ReadEvent(e, index);
            }
            finally
            {
                _declaring = false;
            }

            var declared = _events.GetRange(before, _events.Count - before);
            _events.RemoveRange(before, declared.Count);
            if (declared.Count == 0)
            {
                // The declared event moved no lot: the repository marks it, no batch has it in its log.
                _notes.Add(new ImportNote(field, type, "declares an event that moved no lot: kept with that event, no batch log names it"));
                return;
            }

            _events.Add(new ImportedDeclaration(index, declared[0].EventId, declared[0].EpcisEventId, declared[0].EventTime, declared, declaredAt, reason, corrective));
        }
    }
}
