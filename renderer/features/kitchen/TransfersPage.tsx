import { useRoute } from '../../shell/useRoute';
import { DispatchDetail } from './components/DispatchDetail';
import { DispatchList } from './components/DispatchList';

/**
 * 门店调拨 (issue 17): a store's transfers to other stores, or one at `#/transfers/<id>`. A transfer
 * is picked, shipped and printed as a kitchen's dispatch is, and received at the other store the
 * same way (Incoming dispatches), so both screens are the dispatch ones.
 */
export default function TransfersPage() {
  const { rest } = useRoute();
  const transferId = rest[0];
  return (
    <div data-testid="section-transfers">
      {transferId ? <DispatchDetail key={transferId} dispatchId={transferId} kind="transfer" /> : <DispatchList kind="transfer" />}
    </div>
  );
}
