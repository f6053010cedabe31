import { RabtaEdit } from '../common/RabtaEdit';
import { CountryForm } from './CountryForm';

export default function CountryEdit() {
  return (
    <RabtaEdit redirect="list">
      <CountryForm mode="edit" />
    </RabtaEdit>
  );
}
