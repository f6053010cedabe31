import { RabtaEdit } from '../common/RabtaEdit';
import { SourceForm } from './SourceForm';

export default function SourceEdit() {
  return (
    <RabtaEdit>
      <SourceForm />
    </RabtaEdit>
  );
}
