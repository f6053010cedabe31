import { SimpleForm } from 'react-admin';
import { BilingualInput } from '../common/Bilingual';
import { RabtaEdit } from '../common/RabtaEdit';

// The history is append-only: only the notes of a recorded status update can be corrected.
export default function StatusUpdateEdit() {
  return (
    <RabtaEdit>
      <SimpleForm sx={{ maxWidth: 1100 }}>
        <BilingualInput source="note" multiline minRows={3} />
      </SimpleForm>
    </RabtaEdit>
  );
}
