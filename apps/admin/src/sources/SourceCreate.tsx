import { Create } from 'react-admin';
import { SourceForm } from './SourceForm';

export default function SourceCreate() {
  return (
    <Create redirect="show">
      <SourceForm />
    </Create>
  );
}
