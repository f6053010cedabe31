import { Create } from 'react-admin';
import { InitiativeForm, transformInitiative } from './InitiativeForm';

const transform = (data: Record<string, unknown>) => {
  const out = transformInitiative(data);
  for (const k of Object.keys(out)) if (out[k] === '' || out[k] === null || out[k] === undefined) delete out[k];
  return out;
};

export default function InitiativeCreate() {
  return (
    <Create redirect="show" transform={transform} mutationOptions={{ meta: {} }}>
      <InitiativeForm mode="create" />
    </Create>
  );
}
