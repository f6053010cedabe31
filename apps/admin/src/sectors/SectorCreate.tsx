import { Create } from 'react-admin';
import { SectorForm } from './SectorForm';

export default function SectorCreate() {
  return (
    <Create redirect="list">
      <SectorForm />
    </Create>
  );
}
