// What a command of the append bench reads before it appends: its stream's last event, whole, as
// the adapters' readStream returns it. The raw driver reads the same columns (reading only the
// revision would do less than a command handler needs).
export const lastEventColumns =
  'position, stream, revision, id, type, schema_version, data, metadata, recorded_at';
