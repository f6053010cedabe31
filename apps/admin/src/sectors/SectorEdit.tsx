import { RabtaEdit } from '../common/RabtaEdit';
import { SectorForm } from './SectorForm';

export default function SectorEdit() {
  return (
    <RabtaEdit redirect="list">
      <SectorForm />
    </RabtaEdit>
  );
}
