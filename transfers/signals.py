"""Keep the stored likelihood (the tracker's sort key) in step with a link's updates and status."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from transfers.models import TransferLink, TransferUpdate


@receiver(post_save, sender=TransferUpdate, dispatch_uid="likelihood_update_saved")
@receiver(post_delete, sender=TransferUpdate, dispatch_uid="likelihood_update_deleted")
def refresh_after_update(sender, instance, raw=False, **kwargs):
    # Fixtures load rows in any order (raw): `refresh_likelihood` puts them right afterwards.
    if not raw:
        TransferLink.objects.filter(pk=instance.link_id).refresh_likelihood()


@receiver(post_save, sender=TransferLink, dispatch_uid="likelihood_link_saved")
def refresh_after_link_saved(sender, instance, raw=False, **kwargs):
    # A status change in the admin moves the stage even when no update is added.
    if not raw:
        instance.refresh_likelihood()
